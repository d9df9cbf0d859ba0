# No silent gates: rule patterns that match nothing are errors, and the documented gate idiom
#     if (-not (Test-PySdist dist/*.tar.gz -Quiet)) { exit 1 }
# fails the step for one or many archives, with and without $ErrorActionPreference = 'Stop', and when no sdist matched.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:Root = Join-Path ([System.IO.Path]::GetTempPath()) ("pypackaging-gate-" + [guid]::NewGuid().ToString('N'))
    $script:Dist = Join-Path $Root 'dist'
    $null = New-Item -ItemType Directory -Force -Path $Dist
    Copy-Item -LiteralPath $CleanSdist, $LeakySdist -Destination $Dist
    $script:Clean = Join-Path $Dist (Split-Path -Leaf $CleanSdist)
    $script:Leaky = Join-Path $Dist (Split-Path -Leaf $LeakySdist)
    $script:CleanOnly = Join-Path $Root 'clean'
    $null = New-Item -ItemType Directory -Force -Path $CleanOnly
    Copy-Item -LiteralPath $CleanSdist -Destination $CleanOnly
}

AfterAll {
    if ($script:Root -and (Test-Path -LiteralPath $script:Root)) { Remove-Item -LiteralPath $script:Root -Recurse -Force }
}

Describe 'RuleNotFound' {
    It 'Test-PySdist -IncludeRule with a typo is a RuleNotFound error and reads no archive' {
        # The archive path does not exist: had the cmdlet gone on to the archives, a PathNotFound would follow.
        $out = Test-PySdist -LiteralPath (Join-Path $Root 'missing.tar.gz') -IncludeRule SymlinkAbsolut -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'RuleNotFound,PyPackaging.Commands.TestPySdistCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].Exception.Message | Should -Match 'SymlinkAbsolut'
    }

    It 'Test-PySdist -ExcludeRule with a pattern that matches nothing is RuleNotFound too' {
        $out = Test-PySdist -LiteralPath $Clean -ExcludeRule 'NoSuchRule*', SymlinkAbsolute -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs.FullyQualifiedErrorId | Should -Be 'RuleNotFound,PyPackaging.Commands.TestPySdistCommand'
        $errs[0].Exception.Message | Should -Match 'NoSuchRule\*'
        $errs[0].Exception.Message | Should -Not -Match 'SymlinkAbsolute'
    }

    It 'Test-PySdist -IncludeRule/-ExcludeRule patterns that match rules still filter' {
        $included = Test-PySdist -LiteralPath $Leaky -IncludeRule 'Symlink*' | ForEach-Object Findings | ForEach-Object RuleId
        $included | Should -Contain 'SymlinkAbsolute'
        $included | ForEach-Object { $_ | Should -BeLike 'Symlink*' }
        $excluded = Test-PySdist -LiteralPath $Leaky -ExcludeRule SymlinkAbsolute | ForEach-Object Findings | ForEach-Object RuleId
        $excluded | Should -Not -BeNullOrEmpty
        $excluded | Should -Not -Contain 'SymlinkAbsolute'
    }

    It 'Test-PySdist -Quiet answers $false after RuleNotFound' {
        Test-PySdist -LiteralPath $Clean -IncludeRule SymlinkAbsolut -Quiet -ErrorAction SilentlyContinue | Should -BeExactly $false
    }

    It 'Get-PySdistRule -Id reports every pattern that matches no rule, wildcards included, and lists the others' {
        $rules = Get-PySdistRule -Id SymlinkAbsolute, 'Nope*', SymlinkAbsolut -ErrorVariable errs -ErrorAction SilentlyContinue
        @($rules).Id | Should -Be @('SymlinkAbsolute')
        $errs.FullyQualifiedErrorId | Should -Be @('RuleNotFound,PyPackaging.Commands.GetPySdistRuleCommand', 'RuleNotFound,PyPackaging.Commands.GetPySdistRuleCommand')
        $errs.TargetObject | Should -Be @('Nope*', 'SymlinkAbsolut')
    }

    It 'Get-PySdistRule -Id with a real id filtered away by -Category is no error' {
        Get-PySdistRule -Id SymlinkAbsolute -Category Hygiene -ErrorVariable errs | Should -BeNullOrEmpty
        $errs | Should -BeNullOrEmpty
    }
}

Describe 'Test-PySdist -Quiet writes one Boolean for the whole call' {
    It 'is $true for clean archives, one value for two of them' {
        $answer = @(Test-PySdist -LiteralPath $Clean, $Clean -Quiet)
        $answer.Count | Should -Be 1
        $answer[0] | Should -BeExactly $true
    }

    It 'is one $false when one of two archives has an Error finding, in either order' {
        @(Test-PySdist -LiteralPath $Clean, $Leaky -Quiet) | Should -BeExactly @($false)
        @(Test-PySdist -LiteralPath $Leaky, $Clean -Quiet) | Should -BeExactly @($false)
    }

    It 'is one $false for piped files when one fails' {
        @(Get-ChildItem -LiteralPath $Dist -Filter *.tar.gz | Test-PySdist -Quiet) | Should -BeExactly @($false)
        @(Get-ChildItem -LiteralPath $CleanOnly -Filter *.tar.gz | Test-PySdist -Quiet) | Should -BeExactly @($true)
    }

    It 'is $false, with the error, when an input cannot be read' {
        $answer = @(Test-PySdist -LiteralPath $Clean, (Join-Path $Root 'missing.tar.gz') -Quiet -ErrorVariable errs -ErrorAction SilentlyContinue)
        $answer | Should -BeExactly @($false)
        $errs.FullyQualifiedErrorId | Should -Be 'PathNotFound,PyPackaging.Commands.TestPySdistCommand'
    }

    It 'is $false when the pipeline brings no file' {
        @(@() | Test-PySdist -Quiet -WarningAction SilentlyContinue) | Should -BeExactly @($false)
    }
}

Describe 'The documented gate idiom in a fresh pwsh' {
    BeforeDiscovery {
        $cases = foreach ($stop in $false, $true) {
            @{ Stop = $stop; What = 'one clean archive'; Paths = "'clean/*.tar.gz'"; Expected = 0 }
            @{ Stop = $stop; What = 'one failing archive'; Paths = "'dist/leaky*.tar.gz'"; Expected = 1 }
            @{ Stop = $stop; What = 'two archives, one failing'; Paths = "'dist/*.tar.gz'"; Expected = 1 }
            @{ Stop = $stop; What = 'no sdist matched'; Paths = "'nothing/*.tar.gz'"; Expected = 1 }
            @{ Stop = $stop; What = 'a typo in -IncludeRule'; Paths = "'clean/*.tar.gz' -IncludeRule SymlinkAbsolut"; Expected = 1 }
        }
    }

    It 'exits <Expected> for <What> (Stop: <Stop>)' -ForEach $cases {
        $preference = if ($Stop) { "`$ErrorActionPreference = 'Stop'" } else { "`$ErrorActionPreference = 'Continue'" }
        $script = @"
$preference
Import-Module `$env:PYPACKAGING_MODULE_PATH
if (-not (Test-PySdist $Paths -Quiet)) { exit 1 }
'gate passed'
"@
        $run = Invoke-ChildPwsh -Script $script -WorkingDirectory $Root
        $run.ExitCode | Should -Be $Expected -Because "$($run.Output -join "`n")`n$($run.Error)"
        if ($Expected -eq 0) { $run.Output | Should -Contain 'gate passed' } else { $run.Output | Should -Not -Contain 'gate passed' }
    }
}
