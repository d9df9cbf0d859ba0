# The module as it is published: a manifest whose FileList and ReleaseNotes are current, and a staged folder that
# Publish-PSResource packs to a local folder repository, Install-PSResource installs, and a fresh pwsh imports by name.
# Nothing reaches the network: the only repository used is a temp folder, and the child processes get a temp HOME
# so PSResourceGet's repository list and the install scope live in the temp directory too.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:Staged = Split-Path $ModulePath
    $script:Manifest = Import-PowerShellDataFile -LiteralPath $ModulePath
}

Describe 'Manifest' {
    It 'FileList names exactly the files of the staged module' {
        $staged = @(Get-ChildItem -LiteralPath $Staged -Recurse -File | ForEach-Object { $_.FullName.Substring($Staged.Length + 1).Replace('\', '/') } | Sort-Object)
        @($Manifest.FileList | Sort-Object) | Should -Be $staged
    }

    It 'ReleaseNotes are about this version and name every exported cmdlet' {
        $notes = $Manifest.PrivateData.PSData.ReleaseNotes
        $notes | Should -Match ([regex]::Escape($Manifest.ModuleVersion))
        foreach ($command in (Get-Module PyPackaging).ExportedCommands.Keys) { $notes | Should -Match ([regex]::Escape($command)) }
    }

    It 'has a HelpInfoUri, or the README says why not' {
        if ($Manifest.HelpInfoUri) { $Manifest.HelpInfoUri | Should -Match '^https://' }
        else { Get-Content -LiteralPath (Join-Path $RepoRoot 'README.md') -Raw | Should -Match 'no `HelpInfoUri`' }
    }

    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $ModulePath -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Publish, install and import by name' {
    BeforeAll {
        $script:Root = Join-Path ([System.IO.Path]::GetTempPath()) ("pypackaging-publish-" + [guid]::NewGuid().ToString('N'))
        $script:FakeHome = Join-Path $Root 'home'
        $script:Repository = Join-Path $Root 'repository'
        $null = New-Item -ItemType Directory -Force -Path $FakeHome, $Repository
        $script:ChildEnvironment = @{
            HOME = $FakeHome; XDG_DATA_HOME = Join-Path $FakeHome '.local/share'; XDG_CONFIG_HOME = Join-Path $FakeHome '.config'
            XDG_CACHE_HOME = Join-Path $FakeHome '.cache'; POWERSHELL_TELEMETRY_OPTOUT = '1'; POWERSHELL_UPDATECHECK = 'Off'
        }
        # .NET reports a special folder only when it exists; otherwise PSResourceGet would keep its repository list
        # in the current directory.
        $null = New-Item -ItemType Directory -Force -Path $ChildEnvironment.XDG_DATA_HOME, $ChildEnvironment.XDG_CONFIG_HOME, $ChildEnvironment.XDG_CACHE_HOME
    }

    AfterAll {
        if ($script:Root -and (Test-Path -LiteralPath $script:Root)) { Remove-Item -LiteralPath $script:Root -Recurse -Force }
    }

    It 'Publish-PSResource to a folder repository, Install-PSResource, then Import-Module PyPackaging in a fresh pwsh' {
        $staged = $Staged -replace "'", "''"
        $repository = $Repository -replace "'", "''"
        $publish = Invoke-ChildPwsh -Environment $ChildEnvironment -WorkingDirectory $Root -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name PyPackagingTest -Uri '$repository' -Trusted
try {
    Publish-PSResource -Path '$staged' -Repository PyPackagingTest
    Install-PSResource -Name PyPackaging -Repository PyPackagingTest -Scope CurrentUser -TrustRepository
    (Get-InstalledPSResource -Name PyPackaging -Scope CurrentUser).InstalledLocation
}
finally {
    Unregister-PSResourceRepository -Name PyPackagingTest
}
'repositories: ' + ((Get-PSResourceRepository).Name -join ',')
'settings: ' + [Environment]::GetFolderPath('LocalApplicationData')
"@
        $publish.ExitCode | Should -Be 0 -Because "$($publish.Output -join "`n")`n$($publish.Error)"
        Get-ChildItem -LiteralPath $Repository -Filter "PyPackaging.$($Manifest.ModuleVersion).nupkg" | Should -Not -BeNullOrEmpty
        $publish.Output | Should -Not -Match 'repositories: .*PyPackagingTest'
        $publish.Output | Should -Contain "settings: $($ChildEnvironment.XDG_DATA_HOME)"   # PSResourceGet's files stay in the temp home
        $modules = ($publish.Output | Where-Object { $_ -and $_ -notlike 'repositories:*' -and $_ -notlike 'settings:*' } | Select-Object -Last 1)
        Test-Path -LiteralPath (Join-Path $modules "PyPackaging/$($Manifest.ModuleVersion)/PyPackaging.psd1") | Should -BeTrue

        # A fresh process that sees only the installed modules (and pwsh's own): import by name and use it.
        $environment = $ChildEnvironment.Clone()
        $environment['PSModulePath'] = $modules
        $import = Invoke-ChildPwsh -Environment $environment -WorkingDirectory $Root -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module PyPackaging
`$module = Get-Module PyPackaging
`$module.ModuleBase
`$module.Version.ToString()
Test-PySdist -LiteralPath '$($CleanSdist -replace "'", "''")' -Quiet
(Get-Help about_PyPackaging | Out-String) -match 'EXTRACTION GUARANTEES'
"@
        $import.ExitCode | Should -Be 0 -Because $import.Error
        $import.Output[0] | Should -BeLike "$modules*"
        $import.Output[1] | Should -Be $Manifest.ModuleVersion
        $import.Output[2] | Should -Be 'True'
        $import.Output[3] | Should -Be 'True'
    }
}
