using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Hr.Queries.GetHrDashboard;
using Wellbeing.Domain.Auditing;

namespace Wellbeing.Application.Hr.Queries.ExportHrFigures;

/// <summary>The HR manager downloads the figures of the dashboard with the same filter.</summary>
public sealed record ExportHrFiguresQuery(GetHrDashboardQuery Dashboard);

/// <summary>The dashboard's figures, with the download recorded in the audit log.</summary>
public sealed class ExportHrFiguresHandler(GetHrDashboardHandler dashboard, IAuditLog audit, IUnitOfWork unitOfWork)
{
    /// <exception cref="Common.Exceptions.NotFoundException">As <see cref="GetHrDashboardHandler.Handle"/>.</exception>
    public async Task<HrDashboardDto> Handle(ExportHrFiguresQuery query, CancellationToken cancellationToken)
    {
        var figures = await dashboard.Handle(query.Dashboard, cancellationToken);
        audit.Record(AuditAction.DataExported, query.Dashboard.HubId, DataExports.HrFiguresCsv);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return figures;
    }
}
