using Wellbeing.Domain.Members;
using Wellbeing.Domain.Members.Imports;

namespace Wellbeing.Domain.UnitTests.Members;

public class MemberImportPlanTests
{
    private static readonly Guid Hub = Guid.NewGuid();

    private static ImportCells Row(int row, string externalId, string email = "a@acme.test", string name = "Ada", string? department = "Sales") =>
        new(row, externalId, email, name, department);

    private static ExistingMember Stored(string externalId, string name = "Ada", string? department = "Sales", bool active = true) =>
        new(Guid.NewGuid(), externalId, MemberDetails.Of(name, "a@acme.test", department), active);

    [Fact]
    public void Rows_AreCreatedUpdatedOrUnchanged_ByExternalIdAndDetails()
    {
        var same = Stored("E1");
        var moved = Stored("E2", department: "Sales");

        var plan = MemberImportPlan.Make([Row(2, "E1"), Row(3, "e2", department: "Legal"), Row(4, "E3")], [same, moved], activeMembers: 2, full: false);

        Assert.Equal(
            [(ImportRowAction.Unchanged, (Guid?)same.Id), (ImportRowAction.Update, moved.Id), (ImportRowAction.Create, null)],
            plan.Rows.Select(r => (r.Action, r.MemberId)));
        Assert.Empty(plan.Deactivations);
    }

    [Fact]
    public void DetailsThatDifferOnlyInSpacesOrEmailCase_AreUnchanged()
    {
        var plan = MemberImportPlan.Make([Row(2, "E1", email: "A@ACME.test", name: " Ada ", department: "Sales ")], [Stored("E1")], 1, full: false);

        Assert.Equal(ImportRowAction.Unchanged, plan.Rows.Single().Action);
    }

    [Fact]
    public void AnExternalIdTwice_RejectsEachOfItsRows_AndKeepsItsMemberFromDeactivation()
    {
        var stored = Stored("E1");

        var plan = MemberImportPlan.Make([Row(2, "E1"), Row(3, "E2"), Row(4, "e1")], [stored], 1, full: true);

        Assert.Equal(["E2"], plan.Rows.Select(r => r.Member.ExternalId));
        Assert.Equal(2, plan.Rejected);
        Assert.Equal([(2, "external_id"), (4, "external_id")], plan.Problems.Select(p => (p.Row, p.Column)));
        Assert.Empty(plan.Deactivations);
    }

    [Fact]
    public void AFullPlan_DeactivatesOnlyActiveMembersTheFileDoesNotName()
    {
        var named = Stored("E1");
        var missing = Stored("E2");
        var alreadyInactive = Stored("E3", active: false);
        var rejectedRowsMember = Stored("E4");

        var plan = MemberImportPlan.Make([Row(2, "E1"), Row(3, "E4", email: "not an address")], [named, missing, alreadyInactive, rejectedRowsMember], 4, full: true);
        var partial = MemberImportPlan.Make([Row(2, "E1")], [named, missing], 2, full: false);

        Assert.Equal([missing.Id], plan.Deactivations);
        Assert.Empty(partial.Deactivations);
    }

    [Theory]
    [InlineData("", "ada@acme.test", "Ada", "external_id", "Empty.")]
    [InlineData("E1", "", "Ada", "email", "Empty.")]
    [InlineData("E1", "ada@acme.test", "", "name", "Empty.")]
    [InlineData("E1", "ada.acme.test", "Ada", "email", "Not an e-mail address.")]
    [InlineData("E1", "Ada <ada@acme.test>", "Ada", "email", "Not an e-mail address.")]
    [InlineData("E1", "ada@localhost", "Ada", "email", "Not an e-mail address.")]
    [InlineData("E1", "ada@@acme.test", "Ada", "email", "Not an e-mail address.")]
    public void ABadCell_IsReportedWithItsRowAndColumn(string externalId, string email, string name, string column, string reason)
    {
        var (member, problems) = MemberImportRules.Check(new ImportCells(7, externalId, email, name, null));

        Assert.Null(member);
        Assert.Equal([new ImportProblem(7, column, reason)], problems);
    }

    [Fact]
    public void CellsOverTheColumnLengths_AreRejected()
    {
        var (_, problems) = MemberImportRules.Check(new ImportCells(2, new string('x', 129), "a@acme.test", new string('n', 201), new string('d', 201)));

        Assert.Equal(["external_id", "name", "department"], problems.Select(p => p.Column));
    }

    [Fact]
    public void AWrappedNameOrDepartment_IsOneLine_AndOtherControlCharactersRejectTheRow_NotThrown()
    {
        var (wrapped, none) = MemberImportRules.Check(new ImportCells(4, "E9", "a@acme.test", "Eve\nAdams", "Sales\r\nNorth"));
        var (_, bell) = MemberImportRules.Check(new ImportCells(5, "E10", "b@acme.test", "Fay\u0007B", "Sales\u0000"));

        Assert.Empty(none);
        Assert.Equal(("Eve Adams", "Sales North"), (wrapped!.Details.DisplayName, wrapped.Details.Department));
        Assert.Equal([(5, "name"), (5, "department")], bell.Select(p => (p.Row, p.Column)));
    }

    [Fact]
    public void TheHeader_NeedsEachRequiredColumnOnce_AndNoUnknownColumn()
    {
        Assert.Empty(MemberImportRules.HeaderProblems(["External_ID", " email ", "name"]));
        Assert.Empty(MemberImportRules.HeaderProblems(["external_id", "email", "name", "department"]));
        Assert.Equal(
            ["The column \"name\" is missing.", "The column \"email\" appears more than once.", "The column \"dept\" is not one this import knows."],
            MemberImportRules.HeaderProblems(["external_id", "email", "email", "dept"]));
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(4, 10, true)]
    [InlineData(5, 10, false)]
    [InlineData(1, 1, false)]
    public void Deactivating_IsAllowedUpToTheShareOfActiveMembers(int deactivating, int active, bool allowed)
    {
        Assert.Equal(allowed, MemberImportRules.MayDeactivate(deactivating, active, 0.4m));
    }

    [Fact]
    public void Correcting_ChangesTheMemberOnlyWhenTheDetailsDiffer_AndKeepsTheSearchKeyInStep()
    {
        var member = new Member(Hub, "Ada Lovelace", "ada@acme.test", DateTimeOffset.UnixEpoch, "Sales", "E1");

        Assert.False(member.Correct(MemberDetails.Of(" Ada Lovelace", "ADA@acme.test", "Sales")));
        Assert.True(member.Correct(MemberDetails.Of("Ada Byron", "ada@acme.test", null)));
        Assert.Equal(("Ada Byron", "ada byron", null), (member.DisplayName, member.SearchKey, member.Department));
    }
}
