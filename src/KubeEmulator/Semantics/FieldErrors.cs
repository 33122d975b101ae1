using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>
/// Builders for apimachinery's field.Error kinds. A cause's Message is the error body without the field
/// (the real server's StatusCause), e.g. field "spec.selector", message "Invalid value: {...}: field is immutable".
/// </summary>
public static class FieldErrors
{
    public static StatusCause Required(string field, string detail = "") =>
        new("FieldValueRequired", WithDetail("Required value", detail), field);

    public static StatusCause Invalid(string field, JsonNode? value, string detail) =>
        new("FieldValueInvalid", WithDetail($"Invalid value: {GoValue.Format(value)}", detail), field);

    public static StatusCause Invalid(string field, string value, string detail) =>
        Invalid(field, JsonValue.Create(value), detail);

    /// <summary>A value of the wrong JSON type (reason FieldValueTypeInvalid, printed as "Invalid value").</summary>
    public static StatusCause TypeInvalid(string field, JsonNode? value, string detail) =>
        new("FieldValueTypeInvalid", WithDetail($"Invalid value: {GoValue.Format(value)}", detail), field);

    public static StatusCause NotSupported(string field, JsonNode? value, IEnumerable<string> supported)
    {
        var quoted = string.Join(", ", supported.Select(GoValue.Quote));
        var detail = quoted.Length == 0 ? "" : "supported values: " + quoted;
        return new("FieldValueNotSupported", WithDetail($"Unsupported value: {GoValue.Format(value)}", detail), field);
    }

    public static StatusCause Duplicate(string field, JsonNode? value) =>
        new("FieldValueDuplicate", $"Duplicate value: {GoValue.Format(value)}", field);

    public static StatusCause NotFound(string field, JsonNode? value) =>
        new("FieldValueNotFound", $"Not found: {GoValue.Format(value)}", field);

    public static StatusCause Forbidden(string field, string detail) =>
        new("FieldValueForbidden", WithDetail("Forbidden", detail), field);

    public static StatusCause TooLong(string field, int maxLength) =>
        new("FieldValueTooLong", $"Too long: may not be more than {maxLength} {(maxLength == 1 ? "byte" : "bytes")}", field);

    public static StatusCause TooMany(string field, int actual, int max) =>
        new("FieldValueTooMany", $"Too many: {actual}: must have at most {max} {(max == 1 ? "item" : "items")}", field);

    /// <summary>The cause as the aggregate message and kubectl print it: "field: body".</summary>
    public static string Describe(StatusCause cause) =>
        cause.Field.Length == 0 ? cause.Message : $"{cause.Field}: {cause.Message}";

    private static string WithDetail(string body, string detail) => detail.Length == 0 ? body : $"{body}: {detail}";
}
