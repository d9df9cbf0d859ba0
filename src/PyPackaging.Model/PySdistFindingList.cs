using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace PyPackaging
{
    /// <summary>
    /// The findings of one entry (<see cref="PySdistEntry.Findings"/>): a read-only list whose text form lists every
    /// finding, one per line ("Error VirtualEnvironment: ..."). Export-Csv and ConvertTo-Csv write a property value
    /// as its text, so the Findings column of an entry holds the findings instead of a type name.
    /// </summary>
    public sealed class PySdistFindingList : IReadOnlyList<PySdistFinding>
    {
        internal static readonly PySdistFindingList Empty = new PySdistFindingList(Array.Empty<PySdistFinding>());

        private readonly PySdistFinding[] _items;

        private PySdistFindingList(PySdistFinding[] items) => _items = items;

        internal static PySdistFindingList From(IReadOnlyList<PySdistFinding>? findings)
        {
            if (findings is PySdistFindingList list) return list;
            if (findings == null || findings.Count == 0) return Empty;
            var items = new PySdistFinding[findings.Count];
            for (var i = 0; i < items.Length; i++) items[i] = findings[i];
            return new PySdistFindingList(items);
        }

        public PySdistFinding this[int index] => _items[index];

        public int Count => _items.Length;

        public IEnumerator<PySdistFinding> GetEnumerator() => ((IEnumerable<PySdistFinding>)_items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

        /// <summary>Every finding on its own line, as <see cref="PySdistFinding.ToString"/> writes it; empty when there are none.</summary>
        public override string ToString()
        {
            if (_items.Length == 0) return string.Empty;
            var text = new StringBuilder();
            foreach (var finding in _items)
            {
                if (text.Length > 0) text.Append('\n');
                text.Append(finding);
            }
            return text.ToString();
        }
    }
}
