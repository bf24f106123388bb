using Wellbeing.Domain.Accounts;

namespace Wellbeing.Application.Accounts.Commands.CreateAdministrator;

/// <param name="Email">The administrator's e-mail address, which is also what they sign in with.</param>
/// <param name="Password">Chosen by the operator; Identity's password rules apply.</param>
public sealed record CreateAdministratorCommand(string Email, string Password);

/// <summary>
/// Creates an administrator account: how an operator gets the first one on an empty production database (the
/// create-admin command), since nobody can sign in to create it in the browser.
/// </summary>
public sealed class CreateAdministratorHandler(IAccountRegistration accounts)
{
    /// <returns>No errors when created; otherwise the reasons, and nothing was created (<see cref="IAccountRegistration.RegisterAsync"/>).</returns>
    public Task<AccountRegistration> Handle(CreateAdministratorCommand command, CancellationToken cancellationToken) =>
        accounts.RegisterAsync(command.Email.Trim(), command.Password, Roles.Administrator, cancellationToken);
}
