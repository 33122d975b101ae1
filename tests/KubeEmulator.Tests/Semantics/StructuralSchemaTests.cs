using System.Text.Json.Nodes;
using KubeEmulator.Semantics;

namespace KubeEmulator.Tests.Semantics;

public class StructuralSchemaTests
{
    private const string Schema = """
        {"type":"object","properties":{
          "spec":{"type":"object","required":["url"],"properties":{
            "url":{"type":"string","minLength":1},
            "interval":{"type":"string","pattern":"^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$","default":"1m"},
            "timeout":{"type":"string","format":"duration"},
            "createdAt":{"type":"string","format":"date-time"},
            "replicas":{"type":"integer","minimum":1,"maximum":10},
            "ratio":{"type":"number","minimum":0,"exclusiveMinimum":true,"maximum":1,"exclusiveMaximum":true},
            "name":{"type":"string","maxLength":5},
            "suspend":{"type":"boolean","default":false},
            "note":{"type":"string","nullable":true},
            "port":{"x-kubernetes-int-or-string":true},
            "ref":{"type":"object","properties":{"branch":{"type":"string"}}},
            "verify":{"type":"object","properties":{"mode":{"type":"string","enum":["HEAD"],"default":"HEAD"}}},
            "options":{"type":"object","default":{},"properties":{"level":{"type":"integer","default":3}}},
            "tags":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"string"},"x-kubernetes-list-type":"set"},
            "dependsOn":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                         "items":{"type":"object","required":["name"],"properties":{
                           "name":{"type":"string"},"namespace":{"type":"string","default":"default"}}}},
            "labels":{"type":"object","additionalProperties":{"type":"string"}},
            "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true,
                     "properties":{"known":{"type":"object","properties":{"a":{"type":"string"}}}}},
            "template":{"type":"object","x-kubernetes-embedded-resource":true,
                        "properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}},
            "x-kubernetes-validations":[{"rule":"self.url.startsWith('https://')","message":"https only"}]},
          "status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}
        """;

    private const string Valid = """
        {"apiVersion":"example.com/v1","kind":"Source","metadata":{"name":"a","labels":{"x":"y"}},
         "spec":{"url":"git://example.com/repo","interval":"1h30m","timeout":"90s","createdAt":"2026-01-02T03:04:05Z",
                 "replicas":3,"ratio":0.5,"name":"ab","suspend":true,"note":null,"port":"http",
                 "tags":["a","b"],"dependsOn":[{"name":"infra"}],"labels":{"team":"a"},
                 "extra":{"free":{"form":[1,2]}},"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"x":1}}},
         "status":{"anything":true}}
        """;

    private static readonly StructuralSchema Parsed = StructuralSchema.Parse(Kinds.Parse(Schema));

    [Fact]
    public void Valid_object_has_no_causes()
    {
        Assert.Empty(Parsed.Validate(Kinds.Parse(Valid)));
    }

    public static TheoryData<string, string?, string> Breakages => new()
    {
        { "spec.interval", "\"abc\"", "spec.interval: Invalid value: \"abc\": spec.interval in body should match '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$'" },
        { "spec.url", null, "spec.url: Required value" },
        { "spec.url", "\"\"", "spec.url: Invalid value: \"\": spec.url in body should be at least 1 chars long" },
        { "spec.verify", """{"mode":"x"}""", "spec.verify.mode: Unsupported value: \"x\": supported values: \"HEAD\"" },
        { "spec.replicas", "\"string\"", "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"" },
        { "spec.replicas", "2.5", "spec.replicas: Invalid value: \"number\": spec.replicas in body must be of type integer: \"number\"" },
        { "spec.replicas", "0", "spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1" },
        { "spec.replicas", "11", "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10" },
        { "spec.ratio", "0", "spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0" },
        { "spec.ratio", "1", "spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1" },
        { "spec.name", "\"toolong\"", "spec.name: Too long: may not be more than 5 bytes" },
        { "spec.suspend", "null", "spec.suspend: Invalid value: \"null\": spec.suspend in body must be of type boolean: \"null\"" },
        { "spec.port", "true", "spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"" },
        { "spec.timeout", "\"forever\"", "spec.timeout: Invalid value: \"forever\": spec.timeout in body must be of type duration: \"forever\"" },
        { "spec.createdAt", "\"yesterday\"", "spec.createdAt: Invalid value: \"yesterday\": spec.createdAt in body must be of type date-time: \"yesterday\"" },
        { "spec.ref", "\"main\"", "spec.ref: Invalid value: \"string\": spec.ref in body must be of type object: \"string\"" },
        { "spec.tags", "[]", "spec.tags: Invalid value: 0: spec.tags in body should have at least 1 items" },
        { "spec.tags", """["a","b","c"]""", "spec.tags: Too many: 3: must have at most 2 items" },
        { "spec.tags", """["a","a"]""", "spec.tags[1]: Duplicate value: \"a\"" },
        { "spec.tags", """["a",1]""", "spec.tags[1]: Invalid value: \"integer\": spec.tags[1] in body must be of type string: \"integer\"" },
        { "spec.dependsOn", """[{"name":"a"},{"name":"a","namespace":"b"}]""", "spec.dependsOn[1]: Duplicate value: {\"name\":\"a\"}" },
        { "spec.dependsOn", """[{"namespace":"b"}]""", "spec.dependsOn[0].name: Required value" },
        { "spec.labels", """{"team":1}""", "spec.labels.team: Invalid value: \"integer\": spec.labels.team in body must be of type string: \"integer\"" },
        { "spec.extra", """{"known":{"a":1}}""", "spec.extra.known.a: Invalid value: \"integer\": spec.extra.known.a in body must be of type string: \"integer\"" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Invalid_value_reports_the_real_servers_cause(string path, string? value, string expected)
    {
        var obj = Kinds.Parse(Valid);
        var spec = obj["spec"]!.AsObject();
        var key = path["spec.".Length..];
        if (value is null)
        {
            spec.Remove(key);
        }
        else
        {
            spec[key] = JsonNode.Parse(value);
        }

        var causes = Parsed.Validate(obj);

        Assert.Equal([expected], causes.Select(FieldErrors.Describe));
    }

    [Theory]
    [InlineData("spec.port", "8080")]
    [InlineData("spec.note", "null")]
    [InlineData("spec.replicas", "4.0")]
    [InlineData("spec.extra", """{"unknown":{"deep":[true]}}""")]
    [InlineData("spec.unknownField", "\"validation ignores what pruning removes\"")]
    public void Accepted_values_have_no_causes(string path, string value)
    {
        var obj = Kinds.Parse(Valid);
        obj["spec"]![path["spec.".Length..]] = JsonNode.Parse(value);

        Assert.Empty(Parsed.Validate(obj));
    }

    [Fact]
    public void Numbers_built_in_code_validate_like_parsed_ones()
    {
        var obj = Kinds.Parse(Valid);
        obj["spec"]!["replicas"] = 3L;
        obj["spec"]!["ratio"] = 0.25;
        obj["spec"]!["port"] = 8080;

        Assert.Empty(Parsed.Validate(obj));

        obj["spec"]!["replicas"] = 42;
        Assert.Equal(["spec.replicas: Invalid value: 42: spec.replicas in body should be less than or equal to 10"], Parsed.Validate(obj).Select(FieldErrors.Describe));
    }

    [Fact]
    public void Pruning_removes_unknown_fields_and_names_them()
    {
        var obj = Kinds.Parse(Valid);
        obj["topLevel"] = 1;
        obj["spec"]!["foo"] = "bar";
        obj["spec"]!["ref"] = Kinds.Parse("""{"branch":"main","tag":"v1"}""");
        obj["spec"]!["dependsOn"]![0]!["weight"] = 5;
        obj["spec"]!["extra"]!["known"] = Kinds.Parse("""{"a":"x","b":"y"}""");
        obj["spec"]!["template"]!["foo"] = 1;

        var pruned = Parsed.Prune(obj);

        Assert.Equal(
            ["spec.dependsOn[0].weight", "spec.extra.known.b", "spec.foo", "spec.ref.tag", "spec.template.foo", "topLevel"],
            pruned.Order(StringComparer.Ordinal));
        Assert.Null(obj["topLevel"]);
        Assert.Equal("""{"branch":"main"}""", obj["spec"]!["ref"]!.ToJsonString());
        Assert.Equal("""{"a":"x"}""", obj["spec"]!["extra"]!["known"]!.ToJsonString());
    }

    [Fact]
    public void Pruning_keeps_what_the_schema_allows()
    {
        var obj = Kinds.Parse(Valid);
        var before = obj.DeepClone();

        Assert.Empty(Parsed.Prune(obj));
        Assert.True(JsonNode.DeepEquals(before, obj), obj.ToJsonString());
    }

    [Fact]
    public void Preserve_unknown_fields_at_the_root_keeps_everything()
    {
        var schema = StructuralSchema.Parse(Kinds.Parse("""{"type":"object","x-kubernetes-preserve-unknown-fields":true}"""));
        var obj = Kinds.Parse("""{"apiVersion":"v1","kind":"K","spec":{"a":{"b":1}},"other":[1]}""");

        Assert.Empty(schema.Prune(obj));
        Assert.Equal("""{"a":{"b":1}}""", obj["spec"]!.ToJsonString());
    }

    public static TheoryData<string, string, string> DefaultCases => new()
    {
        { """{"spec":{"url":"u"}}""", "spec.interval", "\"1m\"" },
        { """{"spec":{"url":"u"}}""", "spec.suspend", "false" },
        { """{"spec":{"url":"u"}}""", "spec.options", """{"level":3}""" },
        { """{"spec":{"url":"u"}}""", "spec.verify", "null" },
        { """{"spec":{"url":"u","verify":{}}}""", "spec.verify", """{"mode":"HEAD"}""" },
        { """{"spec":{"url":"u","interval":"5m"}}""", "spec.interval", "\"5m\"" },
        { """{"spec":{"url":"u","suspend":null}}""", "spec.suspend", "false" },
        { """{"spec":{"url":"u","note":null}}""", "spec", """{"url":"u","note":null,"interval":"1m","suspend":false,"options":{"level":3}}""" },
        { """{"spec":{"url":"u","ref":{"branch":null}}}""", "spec.ref", "{}" },
        { """{"spec":{"url":"u","dependsOn":[{"name":"a"},{"name":"b","namespace":"x"}]}}""", "spec.dependsOn",
            """[{"name":"a","namespace":"default"},{"name":"b","namespace":"x"}]""" },
        { """{"metadata":{"name":"a"}}""", "spec", "null" },
    };

    [Theory]
    [MemberData(nameof(DefaultCases))]
    public void Defaults_apply_only_inside_existing_parents(string manifest, string path, string expected)
    {
        var obj = Kinds.Parse(manifest);

        Parsed.ApplyDefaults(obj);

        var actual = Kinds.At(obj, path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"{path}: expected {expected}, got {actual?.ToJsonString() ?? "null"}");
    }

    [Fact]
    public void List_keys_come_from_the_list_type_extensions()
    {
        var keys = Parsed.ListKeys;

        Assert.Equal(["name"], keys.KeysFor(["spec", "dependsOn"]));
        Assert.Null(keys.KeysFor(["spec", "tags"]));
        Assert.True(keys.IsSet(["spec", "tags"]));
        Assert.False(keys.IsSet(["spec", "dependsOn"]));
        Assert.Null(keys.KeysFor(["spec", "nothing", "here"]));
        Assert.Null(keys.KeysFor(["metadata", "finalizers"]));
    }

    [Fact]
    public void Nested_list_keys_are_found_through_list_items()
    {
        var schema = StructuralSchema.Parse(Kinds.Parse("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "groups":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                        "items":{"type":"object","properties":{"name":{"type":"string"},
                          "rules":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["host","port"],
                                   "items":{"type":"object","properties":{"host":{"type":"string"},"port":{"type":"integer"}}}}}}}}}}}
            """));

        Assert.Equal(["host", "port"], schema.ListKeys.KeysFor(["spec", "groups", "rules"]));
    }
}
