using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Members.Imports;

namespace Wellbeing.Domain.UnitTests.Members;

public class MemberImportPlanTests
{
    private static readonly Guid Hub = Guid.NewGuid();

    private static ImportCells Row(int row, string externalId, string email = "a@acme.test", string name = "Ada", string? department = "Sales") =>
        new(row, externalId, email, name, department);

    private static ExistingMember Stored(string? externalId, string name = "Ada", string? department = "Sales", bool active = true, string email = "a@acme.test") =>
        new(Guid.NewGuid(), externalId, MemberDetails.Of(name, email, department), active);

    [Fact]
    public void Rows_AreCreatedUpdatedOrUnchanged_ByExternalIdAndDetails()
    {
        var same = Stored("E1");
        var moved = Stored("E2", department: "Sales");

        var plan = MemberImportPlan.Make([Row(2, "E1"), Row(3, "e2", department: "Legal"), Row(4, "E3", email: "c@acme.test")], [same, moved], activeMembers: 2, full: false);

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

        var plan = MemberImportPlan.Make([Row(2, "E1"), Row(3, "E2", email: "b@acme.test"), Row(4, "e1")], [stored], 1, full: true);

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

    [Fact]
    public void ARowWithANewExternalId_MatchesTheMemberWithoutOneByEmail_IgnoringCase()
    {
        var invited = Stored(null, email: "invited@acme.test");
        var withId = Stored("E1", email: "other@acme.test");

        var plan = MemberImportPlan.Make([Row(2, "E7", email: "Invited@ACME.test", name: "Ivy")], [invited, withId], 2, full: true);

        Assert.Equal([(ImportRowAction.MatchByEmail, (Guid?)invited.Id, false)], plan.Rows.Select(r => (r.Action, r.MemberId, r.Reactivates)));
        Assert.Equal(0, plan.Rejected);
        Assert.Equal([withId.Id], plan.Deactivations);
    }

    [Fact]
    public void AnEmailOfAMemberWithAnotherExternalId_RejectsTheRow()
    {
        var plan = MemberImportPlan.Make([Row(2, "E7", email: "a@acme.test")], [Stored("E1"), Stored(null)], 2, full: false);

        Assert.Empty(plan.Rows);
        Assert.Equal([new ImportProblem(2, "email", "This e-mail address belongs to a member with another external id.")], plan.Problems);
        Assert.Equal(1, plan.Rejected);
    }

    [Fact]
    public void AnEmailOfTwoMembersWithoutExternalId_RejectsTheRow()
    {
        var plan = MemberImportPlan.Make([Row(2, "E7"), Row(3, "E8", email: "b@acme.test")], [Stored(null), Stored(null)], 2, full: false);

        Assert.Equal([(ImportRowAction.Create, "E8")], plan.Rows.Select(r => (r.Action, r.Member.ExternalId)));
        Assert.Equal([new ImportProblem(2, "email", "2 members without an external id have this e-mail address: which one this row is cannot be told.")], plan.Problems);
    }

    [Fact]
    public void TwoRowsWithTheEmailOfOneMemberWithoutExternalId_AreBothRejected()
    {
        var plan = MemberImportPlan.Make([Row(2, "E7"), Row(3, "E8"), Row(4, "E9", email: "c@acme.test")], [Stored(null)], 1, full: false);

        Assert.Equal(["E9"], plan.Rows.Select(r => r.Member.ExternalId));
        Assert.Equal(2, plan.Rejected);
        Assert.Equal([(2, "email", "Rows 2 and 3 have the e-mail address of the same member."), (3, "email", "Rows 2 and 3 have the e-mail address of the same member.")], plan.Problems.Select(p => (p.Row, p.Column, p.Reason)));
    }

    [Fact]
    public void AMemberOfTheHubWithoutExternalId_IsOnlyMatchedByEmail_NeverByAnotherAddress()
    {
        var plan = MemberImportPlan.Make([Row(2, "E7", email: "new@acme.test")], [Stored(null)], 1, full: false);

        Assert.Equal(ImportRowAction.Create, plan.Rows.Single().Action);
    }

    [Fact]
    public void ADeactivatedMemberTheFileNames_ByExternalIdOrByEmail_IsReactivated_AndCountsAsAChange()
    {
        var byId = Stored("E1", active: false);
        var byEmail = Stored(null, active: false, email: "b@acme.test");

        var plan = MemberImportPlan.Make([Row(2, "E1"), Row(3, "E2", email: "b@acme.test")], [byId, byEmail], 0, full: true);

        Assert.Equal(
            [(ImportRowAction.Update, (Guid?)byId.Id, true), (ImportRowAction.MatchByEmail, byEmail.Id, true)],
            plan.Rows.Select(r => (r.Action, r.MemberId, r.Reactivates)));
    }

    [Fact]
    public void AdoptingAnExternalId_KeepsTheSameOne_AndRefusesAnother()
    {
        var invited = new Member(Hub, "Ivy", "ivy@acme.test", DateTimeOffset.UnixEpoch);

        invited.AdoptExternalId(" E7 ");
        invited.AdoptExternalId("e7");

        Assert.Equal("E7", invited.ExternalId);
        Assert.Throws<DomainException>(() => invited.AdoptExternalId("E8"));
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
