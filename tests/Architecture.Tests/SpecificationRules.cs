using System.Reflection;
using Ardalis.Specification;

namespace Wellbeing.Architecture.Tests;

/// <summary>
/// Ardalis.Specification, and our evaluator like the package's own, leave a specification that says neither
/// <c>AsTracking()</c> nor <c>AsNoTracking()</c> to EF Core's default, which tracks: a read-only query could then be
/// saved by an unrelated <c>SaveChanges</c> in the same request. So every entity specification says which
/// (docs/decisions/0002); projections are never tracked and need not.
/// </summary>
public sealed class SpecificationRules
{
    private static readonly Assembly Application = typeof(Wellbeing.Application.DependencyInjection).Assembly;

    public static TheoryData<Type> EntitySpecifications() =>
    [
        .. Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISpecification<>))
            && !t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISpecification<,>))),
    ];

    [Fact]
    public void Application_HasEntitySpecifications()
    {
        // Guards the theory below against finding nothing to check.
        Assert.True(EntitySpecifications().Count >= 20, $"Found only {EntitySpecifications().Count} entity specifications.");
    }

    /// <summary>Built with every flag argument false, then true, so both branches of a "for update" switch are checked.</summary>
    [Theory]
    [MemberData(nameof(EntitySpecifications))]
    public void EntitySpecification_SaysWhetherItTracks(Type specification)
    {
        foreach (var flags in new[] { false, true })
        {
            var constructor = specification.GetConstructors().Single();
            var arguments = constructor.GetParameters()
                .Select(p => p.ParameterType == typeof(bool) ? flags : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
                .ToArray();
            var built = constructor.Invoke(arguments);
            var tracking = Flag(built, nameof(ISpecification<object>.AsTracking)) || Flag(built, nameof(ISpecification<object>.AsNoTracking));

            Assert.True(tracking, $"{specification.Name} built with flags {flags} says neither AsTracking() nor AsNoTracking().");
        }
    }

    private static bool Flag(object specification, string name) =>
        (bool)specification.GetType().GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISpecification<>))
            .GetProperty(name)!.GetValue(specification)!;
}
