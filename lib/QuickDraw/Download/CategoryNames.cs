namespace QuickDraw.Download;

/// <summary>Matches the categories a person typed against the listing's names, forgiving case and '_' for ' ';
/// an unknown name gets the closest real ones (substring first, then Levenshtein distance).</summary>
public static class CategoryNames
{
    /// <summary>The listed files for <paramref name="requested"/> (in the order asked, duplicates dropped), or
    /// <see cref="UnknownCategoryException"/> naming every unknown one with suggestions.</summary>
    public static IReadOnlyList<RemoteFile> Resolve(IEnumerable<string> requested, IReadOnlyList<RemoteFile> listed)
    {
        var byKey = new Dictionary<string, RemoteFile>();
        foreach (var f in listed) byKey.TryAdd(Key(f.Category), f);
        var found = new List<RemoteFile>();
        var unknown = new List<UnknownCategory>();
        foreach (var name in requested.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            if (byKey.TryGetValue(Key(name), out var f)) { if (!found.Contains(f)) found.Add(f); }
            else unknown.Add(new UnknownCategory(name, Closest(name, listed.Select(x => x.Category))));
        }
        if (unknown.Count > 0) throw new UnknownCategoryException(unknown);
        return found;
    }

    /// <summary>Up to <paramref name="count"/> names closest to <paramref name="typed"/>: names containing it first,
    /// then by edit distance (at most a third of the typed length, and at least 2), ties alphabetical.</summary>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> names, int count = 3)
    {
        var key = Key(typed);
        var limit = Math.Max(2, key.Length / 3);
        return names
            .Select(n => (Name: n, Contains: key.Length >= 3 && Key(n).Contains(key), Distance: Levenshtein(key, Key(n))))
            .Where(x => x.Contains || x.Distance <= limit)
            .OrderBy(x => x.Contains ? 0 : 1).ThenBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(count).Select(x => x.Name).ToList();
    }

    /// <summary>Edits (insert, delete, substitute one character) turning <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1),
                                      previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    static string Key(string name) => name.Trim().Replace('_', ' ').ToLowerInvariant();
}
