using System;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;

namespace PyPackaging.Loading
{
    /// <summary>
    /// Runs when the module is imported, before any cmdlet executes. Cmdlet classes keep Core types out of their
    /// fields and attributes, so PowerShell can reflect over them before this has run. The output types
    /// (PyPackaging.Model, e.g. in [OutputType]) may appear there: the manifest loads that assembly before the module.
    /// Nothing is unhooked on Remove-Module: other runspaces in the process may still use the module.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        /// <summary>Set to 0 to import without the background warm-up.</summary>
        internal const string WarmupVariable = "PYPACKAGING_WARMUP";

        private static int _warmupStarted;

        public void OnImport()
        {
            DependencyResolver.Register();
            StartWarmup();
        }

        // A CI step imports the module and makes one call, and a fresh process spends much of that call preparing code
        // (Core's FirstCallWarmup says what). With a second processor, that preparation starts here on a background
        // thread, while PowerShell finishes the import and binds the first command: measured on 2 cores, the first
        // Test-PySdist of a 13 MB sdist ends 40 ms sooner, Expand-PySdistSafely 45 ms. Once per process; never on one
        // processor (it would only compete with the pipeline thread); it never fails the import or a command.
        private static void StartWarmup()
        {
            if (Environment.ProcessorCount < 2 || Environment.GetEnvironmentVariable(WarmupVariable) == "0") return;
            if (Interlocked.Exchange(ref _warmupStarted, 1) == 1) return;
            try
            {
                new Thread(WarmUp, 1024 * 1024) { IsBackground = true, Name = "PyPackaging warm-up" }.Start();
            }
            catch (Exception)
            {
                // No thread (a constrained host): the first call prepares its code itself, as it always could.
            }
        }

        private static void WarmUp()
        {
            try
            {
                RunWarmup();
            }
            catch (Exception)
            {
                // Best effort: whatever failed here fails again, reported, where a command really runs it.
            }
        }

        // Its own method so that the JIT resolves Core's types here, on the warm-up thread, after the resolver is in place.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RunWarmup() => PyPackaging.Inspection.FirstCallWarmup.Run();
    }
}
