using System.Management.Automation;

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
        public void OnImport() => DependencyResolver.Register();
    }
}
