using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>
/// A set of field paths as a tree (the shape of FieldsV1): each node may itself be a member (".") and have
/// children keyed by their FieldsV1 path element. Operations return new sets.
/// </summary>
internal sealed class FieldSet
{
    private static readonly Comparer<string> ElementOrder = Comparer<string>.Create(PathElements.Compare);

    private readonly SortedDictionary<string, FieldSet> _children = new(ElementOrder);

    public bool IsMember { get; private set; }

    public bool IsEmpty => !IsMember && _children.Count == 0;

    public IEnumerable<KeyValuePair<string, FieldSet>> Children => _children;

    public FieldSet? Child(string element) => _children.GetValueOrDefault(element);

    public void Insert(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node._children.TryGetValue(element, out var child))
            {
                child = new FieldSet();
                node._children[element] = child;
            }

            node = child;
        }

        node.IsMember = true;
    }

    /// <summary>Every member path, in serialization order.</summary>
    public IEnumerable<IReadOnlyList<string>> Members() => Members([]);

    public FieldSet Union(FieldSet other) => Combine(this, other, (a, b) => a || b);

    public FieldSet Intersection(FieldSet other) => Combine(this, other, (a, b) => a && b);

    public FieldSet Difference(FieldSet other) => Combine(this, other, (a, b) => a && !b);

    public bool SetEquals(FieldSet other) => Difference(other).IsEmpty && other.Difference(this).IsEmpty;

    public static FieldSet Of(IEnumerable<FieldSet> sets) => sets.Aggregate(new FieldSet(), (all, set) => all.Union(set));

    public JsonObject ToFieldsV1()
    {
        var json = new JsonObject();
        if (IsMember && _children.Count > 0)
        {
            json["."] = new JsonObject();
        }

        foreach (var (element, child) in _children)
        {
            json[element] = child.ToFieldsV1();
        }

        return json;
    }

    /// <summary>Reads a FieldsV1 object; null when it is not one.</summary>
    public static FieldSet? FromFieldsV1(JsonNode? fieldsV1) => Read(fieldsV1, isRoot: true);

    private static FieldSet? Read(JsonNode? fieldsV1, bool isRoot)
    {
        if (fieldsV1 is not JsonObject json)
        {
            return null;
        }

        var set = new FieldSet { IsMember = !isRoot && json.Count == 0 };
        foreach (var (element, value) in json)
        {
            if (element == ".")
            {
                set.IsMember = true;
                continue;
            }

            if (element.Length < 2 || element[1] != ':' || Read(value, isRoot: false) is not { } child)
            {
                return null;
            }

            set._children[element] = child;
        }

        return set;
    }

    private IEnumerable<IReadOnlyList<string>> Members(List<string> prefix)
    {
        if (IsMember)
        {
            yield return prefix.ToArray();
        }

        foreach (var (element, child) in _children)
        {
            prefix.Add(element);
            foreach (var member in child.Members(prefix))
            {
                yield return member;
            }

            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    private static FieldSet Combine(FieldSet? left, FieldSet? right, Func<bool, bool, bool> keep)
    {
        var result = new FieldSet { IsMember = keep(left?.IsMember ?? false, right?.IsMember ?? false) };
        var elements = (left?._children.Keys ?? Enumerable.Empty<string>()).Union(right?._children.Keys ?? Enumerable.Empty<string>());
        foreach (var element in elements)
        {
            var child = Combine(left?.Child(element), right?.Child(element), keep);
            if (!child.IsEmpty)
            {
                result._children[element] = child;
            }
        }

        return result;
    }
}
