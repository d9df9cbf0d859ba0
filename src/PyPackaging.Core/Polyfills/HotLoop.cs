using System.Runtime.CompilerServices;

namespace PyPackaging
{
    /// <summary>
    /// For the few loops every byte or every member of every archive passes through: compiled fully optimised on first
    /// use and never re-compiled. Tier-0 and instrumented code (what .NET runs before and while it profiles a hot
    /// method, and what a ReadyToRun method goes through when it turns hot) pays a runtime helper call per iteration
    /// of such a loop; in a short process that was most of a check's time. The cost: these methods are JIT-compiled
    /// (a millisecond or so each) rather than taken from the ReadyToRun image.
    /// </summary>
    internal static class HotLoop
    {
        /// <summary>MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name (.NET Framework ignores it).</summary>
        public const MethodImplOptions Optimised = (MethodImplOptions)512;
    }
}
