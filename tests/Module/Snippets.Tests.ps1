# Every PowerShell snippet in README.md and every example in each cmdlet's help runs, as a user would run it, in a
# fresh pwsh with $ErrorActionPreference = 'Stop' in a working directory holding fixture sdists and projects. Any
# error fails the test, so the documentation stays true. New README snippets and new cmdlets' help examples are
# picked up without touching this file; a README block that cannot run here is marked
# <!-- snippet-test: skip (reason) --> and shows up as skipped.
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
    . $PSScriptRoot/Fixtures.ps1
    $readmeSnippets = @(Get-MarkdownSnippets -Path (Join-Path $RepoRoot 'README.md'))
    $helpExamples = @(Get-HelpExampleSnippets -ModuleName PyPackaging)
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    . $PSScriptRoot/Fixtures.ps1
    $script:Root = Join-Path ([System.IO.Path]::GetTempPath()) ("pypackaging-snippets-" + [guid]::NewGuid().ToString('N'))
    $script:Template = New-SnippetFixture -Root (Join-Path $Root 'template')
    $script:Counter = 0
    $script:HasGit = [bool](Get-Command git -CommandType Application -ErrorAction SilentlyContinue)
    if (-not $HasGit -and $env:CI -eq 'true') { throw 'git is needed for the snippets that use it (.ci/run installs it)' }
}

AfterAll {
    if ($script:Root -and (Test-Path -LiteralPath $script:Root)) { Remove-Item -LiteralPath $script:Root -Recurse -Force }
}

Describe 'README snippets' {
    It 'finds the README''s PowerShell snippets' -ForEach @(@{ Found = $readmeSnippets.Count }) {
        $Found | Should -BeGreaterThan 4
    }

    It '<Name>' -ForEach $readmeSnippets {
        if ($Skip) { Set-ItResult -Skipped -Because $Skip; return }
        if (-not $HasGit -and $Code -match '\bgit\b') { Set-ItResult -Skipped -Because 'git is not installed'; return }
        $script:Counter++
        $work = Copy-SnippetFixture -Template $Template -Destination (Join-Path $Root "readme-$Counter")
        $run = Invoke-Snippet -Code $Code -WorkingDirectory $work
        $run.ExitCode | Should -Be 0 -Because "README.md line $Line must run without error:`n$Code`n--- output:`n$($run.Output -join "`n")`n--- errors:`n$($run.Error)"
        $run.Error | Should -BeNullOrEmpty
    }

    It 'names the staged module path the build really produces (the skipped install block)' {
        $readme = Get-Content -LiteralPath (Join-Path $RepoRoot 'README.md') -Raw
        $readme -match 'Import-Module (\./out/PyPackaging/[^\s]+\.psd1)' | Should -BeTrue
        (Resolve-Path -LiteralPath (Join-Path $RepoRoot $Matches[1])).ProviderPath | Should -Be (Resolve-Path -LiteralPath $ModulePath).ProviderPath
    }
}

Describe 'Help examples' {
    It 'every cmdlet has at least three examples' -ForEach @((Get-Module PyPackaging).ExportedCommands.Keys | ForEach-Object { @{ Command = $_ } }) {
        @((Get-Help -Name $Command -Full).examples.example).Count | Should -BeGreaterOrEqual 3
    }

    It '<Name>' -ForEach $helpExamples {
        if (-not $HasGit -and $Code -match '\bgit\b') { Set-ItResult -Skipped -Because 'git is not installed'; return }
        $script:Counter++
        $work = Copy-SnippetFixture -Template $Template -Destination (Join-Path $Root "help-$Counter")
        $run = Invoke-Snippet -Code $Code -WorkingDirectory $work
        $run.ExitCode | Should -Be 0 -Because "the example must run without error:`n$Code`n--- output:`n$($run.Output -join "`n")`n--- errors:`n$($run.Error)"
        $run.Error | Should -BeNullOrEmpty
    }
}
