#
# Module manifest for PyPackaging. This file is the single source of the module version:
# the C# projects read ModuleVersion from here (Directory.Build.props) and build.ps1 stages
# the module into out/PyPackaging/<ModuleVersion>/.
#
@{
    RootModule           = 'PyPackaging.dll'
    # The output types, loaded into the default context before the module so scripts can name them.
    RequiredAssemblies   = @('PyPackaging.Model.dll')
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '5c1f6f0e-8a2b-4d47-9a53-3f1f7d2b8e61'
    Author               = 'PyPackaging developers'
    CompanyName          = 'PyPackaging'
    Copyright            = '(c) PyPackaging developers. MIT License.'
    Description          = 'Builds, checks and safely unpacks Python source distributions (sdists): Build-PySdist, Test-PySdist, Expand-PySdistSafely.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CmdletsToExport      = @('Test-PySdist', 'Assert-PySdist', 'Export-PySdistReport', 'Get-PySdistRule', 'Expand-PySdistSafely', 'Build-PySdist')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    FormatsToProcess     = @('PyPackaging.Format.ps1xml')
    PrivateData          = @{
        PSData = @{
            Tags         = @('Python', 'sdist', 'packaging', 'PEP625', 'PEP721', 'security', 'CI',
                             'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/pypackaging/PyPackaging'
            LicenseUri   = 'https://github.com/pypackaging/PyPackaging/blob/main/LICENSE'
            ReleaseNotes = 'Test-PySdist and Get-PySdistRule: structural, metadata, safety and hygiene checks for sdists.'
        }
    }
}
