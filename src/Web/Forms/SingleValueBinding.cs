using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wellbeing.Domain.Common;

namespace Wellbeing.Web.Forms;

/// <summary>
/// Refuses a single value (a number, a date, a text, an answer) that arrives more than once, as in
/// <c>answers[3]=3&amp;answers[3]=9</c>: MVC would silently keep the first. The field's model state gets an error and the
/// form one summary message, so every action that checks <c>ModelState.IsValid</c> redraws its form and saves nothing;
/// an API action ([ApiController]) answers 400 with validation problem details (RFC 9457) naming the parameter.
/// Collections (a list of ticked scopes) still take every value: each element is bound on its own. Keys match without
/// regard to case, as MVC binds them. Fields that legitimately repeat are not model-bound and so never checked: MVC's
/// <c>__Invariant</c> markers (one per date or time input). The antiforgery token is not model-bound either: a doubled
/// token fails the antiforgery check (400) before any action runs. The checkbox helper's hidden "false" twin is not
/// rendered at all (see <c>AddWeb</c>).
/// </summary>
public sealed class SingleValueBinderProvider(IModelBinderProvider inner) : IModelBinderProvider
{
    /// <summary>Shown once above the form; field-level messages say which field.</summary>
    public const string FormMessage = "Part of this form arrived twice, so it is not clear what you meant and nothing was saved. Check the marked fields and send the form again.";

    public const string FieldMessage = "This arrived twice with the form. Choose or enter it again.";

    /// <summary>For a query parameter given more than once, e.g. the partner API's <c>?department=A&amp;department=B</c>.</summary>
    public static string QueryMessage(string parameter) => $"Give {parameter} at most once.";

    /// <summary>Wraps each of MVC's binder providers, so whichever one binds a simple value is checked first.</summary>
    public static void Install(MvcOptions options)
    {
        for (var i = 0; i < options.ModelBinderProviders.Count; i++)
        {
            options.ModelBinderProviders[i] = new SingleValueBinderProvider(options.ModelBinderProviders[i]);
        }
    }

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var binder = inner.GetBinder(context);
        if (binder is null || !FromValueProviders(context.BindingInfo.BindingSource))
        {
            return binder;
        }

        if (IsDictionary(context.Metadata))
        {
            return new DictionaryKeysBinder(binder);
        }

        return context.Metadata.IsComplexType ? binder : new SingleValueBinder(binder);
    }

    private static bool IsDictionary(ModelMetadata metadata) =>
        metadata.ModelType.IsGenericType && metadata.ModelType.GetInterfaces().Append(metadata.ModelType)
            .Any(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    private static void Refuse(ModelStateDictionary modelState, string field, string fieldMessage)
    {
        modelState.TryAddModelError(field, fieldMessage);
        if (modelState[string.Empty]?.Errors.Any(e => e.ErrorMessage == FormMessage) != true)
        {
            modelState.TryAddModelError(string.Empty, FormMessage);
        }
    }

    /// <summary>
    /// A dictionary such as the survey answers can also be posted in MVC's index format
    /// (<c>answers[0].Key=1&amp;answers[0].Value=5&amp;answers[1].Key=1&amp;answers[1].Value=0</c>): one key twice there
    /// makes MVC's dictionary binder throw (an ArgumentException from the dictionary, or for a null key), which would be
    /// a 500 for what is the same ambiguous input as a field sent twice.
    /// </summary>
    private sealed class DictionaryKeysBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            try
            {
                await inner.BindModelAsync(bindingContext);
            }
            catch (ArgumentException)
            {
                Refuse(bindingContext.ModelState, bindingContext.ModelName, FieldMessage);
                bindingContext.Result = ModelBindingResult.Failed();
            }
        }
    }

    /// <summary>Form, query and route values; a body, a header or a service is read by its own binder.</summary>
    private static bool FromValueProviders(BindingSource? source) =>
        source is not { IsGreedy: true } && source != BindingSource.Header;

    private sealed class SingleValueBinder(IModelBinder inner) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            // A collection binds each element through a value provider that holds just that element, so only a value
            // that really came twice under one name has more than one here.
            var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (values.Length <= 1)
            {
                return inner.BindModelAsync(bindingContext);
            }

            var modelState = bindingContext.ModelState;
            modelState.SetModelValue(bindingContext.ModelName, values);
            if (bindingContext.BindingSource == BindingSource.Query || !bindingContext.HttpContext.Request.HasFormContentType)
            {
                // A query parameter (the partner API's filters, a page's search box or page number) has no form to
                // redraw: the message names the parameter, for the problem details' errors or the refused page.
                modelState.TryAddModelError(bindingContext.ModelName, QueryMessage(bindingContext.ModelName));
            }
            else
            {
                Refuse(modelState, bindingContext.ModelName, FieldMessage);
            }

            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}

/// <summary>For pages whose filters come from the query string and have no form to redraw.</summary>
public static class AmbiguousQuery
{
    /// <summary>
    /// A filter given twice (<c>?period=2026-05&amp;period=2026-06</c>) would show one of the two without saying so, and
    /// one that is not of its type (<c>?page=x</c>) would silently become the default.
    /// </summary>
    /// <exception cref="DomainException">A query value arrived more than once or could not be read; the message names the
    /// parameter and becomes a 400 page.</exception>
    public static void ThrowIfQueryInvalid(this ModelStateDictionary modelState)
    {
        if (modelState.FirstOrDefault(entry => entry.Value?.Errors.Count > 0) is { Value: { } invalid } entry)
        {
            // MVC's own message for an unreadable action parameter ("The value 'x' is not valid.") does not say which.
            var message = invalid.Errors[0].ErrorMessage;
            throw new DomainException(message.Contains(entry.Key, StringComparison.Ordinal) ? message : $"{entry.Key}: {message}");
        }
    }
}
