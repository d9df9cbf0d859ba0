# The README's quick start and the bundled example, run the way a user runs them.
BeforeAll {
    . $PSScriptRoot/Common.ps1
}

Describe 'Quick start' {
    It 'build.ps1 -Example runs the example in a child PowerShell of the same kind as this one' {
        # build.ps1 restores and builds; the staged module is already current, so this is an incremental build.
        $run = Invoke-ChildPwsh -Script "& '$RepoRoot/build.ps1' -Example" -WorkingDirectory $RepoRoot
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Contain 'demo_pkg-1.0.0.tar.gz passes: True'
        ($run.Output -match 'SymlinkEscapesArchive|SymlinkAbsolute') | Should -Not -BeNullOrEmpty
    }

    It 'imports the staged module by path' {
        Get-Module PyPackaging | ForEach-Object Path | Should -Be (Join-Path (Split-Path $ModulePath) 'PyPackaging.dll')
    }
}
