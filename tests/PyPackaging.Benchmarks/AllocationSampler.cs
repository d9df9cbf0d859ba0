using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.IO;
using System.Linq;
using PyPackaging.Inspection;

namespace PyPackaging.Benchmarks
{
    /// <summary>
    /// allocations DIR: Test-PySdist's engine over every archive below DIR once, with the runtime's allocation
    /// sampling (one event about every 100 KB allocated, naming the type) summed per type and heap (small or large),
    /// to see which allocations drive the collections when many archives are read.
    /// </summary>
    internal sealed class AllocationSampler : EventListener
    {
        private readonly Dictionary<string, long> _bytes = new Dictionary<string, long>();
        private readonly object _gate = new object();

        protected override void OnEventSourceCreated(EventSource source)
        {
            // 0x1 = the GC keyword; Verbose brings GCAllocationTick.
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName == null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload == null) return;
            var names = e.PayloadNames!;
            var type = e.Payload[names.IndexOf("TypeName")] as string ?? "?";
            var kind = Convert.ToInt32(e.Payload[names.IndexOf("AllocationKind")], System.Globalization.CultureInfo.InvariantCulture) == 1 ? "LOH " : "SOH ";
            var amount = Convert.ToInt64(e.Payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            lock (_gate)
            {
                _bytes.TryGetValue(kind + type, out var sum);
                _bytes[kind + type] = sum + amount;
            }
        }

        public static int Run(string dir)
        {
            var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            var inspector = new SdistInspector();
            inspector.Inspect(files[0]);
            using var sampler = new AllocationSampler();
            var gen2 = GC.CollectionCount(2);
            foreach (var f in files)
            {
                try { inspector.Inspect(f); } catch (IOException) { }
            }
            Console.WriteLine($"archives={files.Length} gen2={GC.CollectionCount(2) - gen2}; sampled MB by heap and type:");
            lock (sampler._gate)
            {
                foreach (var pair in sampler._bytes.OrderByDescending(p => p.Value).Take(25))
                    Console.WriteLine($"  {pair.Value / 1048576.0,8:F1}  {pair.Key}");
            }
            return 0;
        }
    }
}
