namespace Wellbeing.Domain.Common;

/// <summary>The two things a client measures and decides to share, each separately.</summary>
public enum Measure
{
    Wellbeing = 1,
    Alliance = 2,
}
