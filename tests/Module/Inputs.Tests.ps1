# How users hand sdists to Test-PySdist: wildcards, -LiteralPath with brackets, Get-ChildItem piped, relative paths;
# inputs that cannot be read are non-terminating errors with stable ids; findings are objects, never errors.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:Root = Join-Path ([System.IO.Path]::GetTempPath()) ("pypackaging-inputs-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $Root 'b[1]')
    Copy-Item -LiteralPath $CleanSdist -Destination $Root
    Copy-Item -LiteralPath $CleanSdist -Destination (Join-Path $Root 'b[1]')
    $script:Name = Split-Path -Leaf $CleanSdist
}

AfterAll {
    if ($script:Root -and (Test-Path -LiteralPath $script:Root)) { Remove-Item -LiteralPath $script:Root -Recurse -Force }
}

Describe 'Paths' {
    It 'a relative wildcard resolves against the current location' {
        Push-Location -LiteralPath $Root
        try { $entries = Test-PySdist *.tar.gz } finally { Pop-Location }
        ($entries | Where-Object EntryType -eq Archive).Archive | Should -Be (Join-Path $Root $Name)
    }

    It '-LiteralPath takes brackets literally' {
        $archive = Join-Path $Root "b[1]/$Name"
        (Test-PySdist -LiteralPath $archive | Where-Object EntryType -eq Archive).Archive | Should -Be $archive
    }

    It 'Get-ChildItem output binds through PSPath, brackets included' {
        $archives = Get-ChildItem -LiteralPath $Root -Recurse -Filter *.tar.gz | Test-PySdist | Where-Object EntryType -eq Archive | ForEach-Object Archive
        $archives | Sort-Object | Should -Be @((Join-Path $Root $Name), (Join-Path $Root "b[1]/$Name") | Sort-Object)
    }

    It 'unreadable inputs are non-terminating errors with stable ids, and the next archive is still checked' {
        $entries = Test-PySdist -LiteralPath (Join-Path $Root 'missing.tar.gz'), $Root, (Join-Path $Root $Name) -ErrorVariable errs -ErrorAction SilentlyContinue
        ($entries | Where-Object EntryType -eq Archive).Archive | Should -Be (Join-Path $Root $Name)
        $null = Test-PySdist -Path (Join-Path $Root 'nothing*.tar.gz') -ErrorVariable +errs -ErrorAction SilentlyContinue
        $null = Test-PySdist -Path Env:PATH -ErrorVariable +errs -ErrorAction SilentlyContinue
        $errs.FullyQualifiedErrorId | Should -Be @(
            'PathNotFound,PyPackaging.Commands.TestPySdistCommand'
            'PathIsDirectory,PyPackaging.Commands.TestPySdistCommand'
            'PathNotFound,PyPackaging.Commands.TestPySdistCommand'
            'InvalidPath,PyPackaging.Commands.TestPySdistCommand')
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[1].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errs | ForEach-Object { $_.TargetObject | Should -Not -BeNullOrEmpty }
    }
}

Describe 'Findings are objects' {
    It 'a failing sdist writes no error record, even with $ErrorActionPreference = Stop' {
        $run = Invoke-ChildPwsh -WorkingDirectory $Root -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module `$env:PYPACKAGING_MODULE_PATH
`$errors = @(Test-PySdist -LiteralPath '$($LeakySdist -replace "'", "''")' | Where-Object Severity -eq Error)
"errors: `$(`$errors.Count)"
'after'
"@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Error | Should -BeNullOrEmpty
        $run.Output | Should -Contain 'after'
        $count = $run.Output | Where-Object { $_ -like 'errors: *' } | Select-Object -First 1
        [int]($count -replace 'errors: ') | Should -BeGreaterThan 0
    }
}
