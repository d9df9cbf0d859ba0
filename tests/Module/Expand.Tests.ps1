# Expand-PySdistSafely as users run it with several archives: one refused archive does not stop the others (unless
# -ErrorAction Stop), -Verbose tells the truth about replacing, an existing target yields only the error, and
# -WhatIf/-Confirm work for Expand-PySdistSafely and Build-PySdist.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:Root = Join-Path ([System.IO.Path]::GetTempPath()) ("pypackaging-expand-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Force -Path $Root
    $script:Clean = $CleanSdist
    $script:Leaky = $LeakySdist
    $script:CleanTop = 'demo_pkg-1.0.0'
    $script:Case = 0
    function New-CaseDirectory {
        $script:Case++
        $dir = Join-Path $Root "case$Case"
        $null = New-Item -ItemType Directory -Force -Path $dir
        $dir
    }
    function Get-Tree([string] $Path) {
        if (-not (Test-Path -LiteralPath $Path)) { return @() }
        @(Get-ChildItem -LiteralPath $Path -Recurse -Force | ForEach-Object { $_.FullName.Substring($Path.Length) } | Sort-Object)
    }
}

AfterAll {
    if ($script:Root -and (Test-Path -LiteralPath $script:Root)) { Remove-Item -LiteralPath $script:Root -Recurse -Force }
}

Describe 'Several archives' {
    It 'a refused archive is a non-terminating UnsafeMembers error and the next archive is expanded' {
        $case = New-CaseDirectory
        $out = Join-Path $case 'out'
        $null = New-Item -ItemType Directory -Path $out
        Set-Content -LiteralPath (Join-Path $out 'keep.txt') -Value 'keep'
        $entries = Expand-PySdistSafely $Leaky, $Clean $out -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'UnsafeMembers,PyPackaging.Commands.ExpandPySdistSafelyCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $errs[0].TargetObject | Should -Be $Leaky
        # every offender, with its reason, and no stack trace
        $refused = @($entries | Where-Object Action -eq Refused)
        $refused.Count | Should -BeGreaterThan 1
        foreach ($entry in $refused) { $errs[0].Exception.Message | Should -Match ([regex]::Escape($entry.Path)) }
        $errs[0].Exception.Message | Should -Not -Match '\n\s+at '
        ($entries | Where-Object Archive -eq $Leaky).Action | ForEach-Object { "$_" } | Sort-Object -Unique | Should -Be @('Refused', 'Skipped')
        ($entries | Where-Object Archive -eq $Clean).Action | ForEach-Object { "$_" } | Sort-Object -Unique | Should -Be @('Extracted')
        Test-Path -LiteralPath (Join-Path $out "$CleanTop/PKG-INFO") | Should -BeTrue
        Get-ChildItem -LiteralPath $out -Force | ForEach-Object Name | Sort-Object | Should -Be @($CleanTop, 'keep.txt')
    }

    It 'with -ErrorAction Stop the first refusal stops the command and the next archive is not expanded' {
        $out = Join-Path (New-CaseDirectory) 'out'
        { Expand-PySdistSafely $Leaky, $Clean $out -ErrorAction Stop } | Should -Throw -ErrorId 'UnsafeMembers,PyPackaging.Commands.ExpandPySdistSafelyCommand'
        Test-Path -LiteralPath (Join-Path $out $CleanTop) | Should -BeFalse
    }

    It 'in a script without Stop, the statement after a refused archive runs, and with Stop the script exits 1' {
        $case = New-CaseDirectory
        Copy-Item -LiteralPath $Leaky, $Clean -Destination $case
        $body = "Import-Module `$env:PYPACKAGING_MODULE_PATH; `$null = Expand-PySdistSafely ./*.tar.gz out; 'after'"
        $continue = Invoke-ChildPwsh -Script $body -WorkingDirectory $case
        $continue.ExitCode | Should -Be 0
        $continue.Output | Should -Contain 'after'
        $continue.Error | Should -Match 'Refused to expand'
        Test-Path -LiteralPath (Join-Path $case "out/$CleanTop/PKG-INFO") | Should -BeTrue

        Remove-Item -LiteralPath (Join-Path $case 'out') -Recurse -Force
        $stop = Invoke-ChildPwsh -Script ("`$ErrorActionPreference = 'Stop'; " + $body) -WorkingDirectory $case
        $stop.ExitCode | Should -Be 1
        $stop.Output | Should -Not -Contain 'after'
    }

    It 'an existing target without -Force yields the TargetExists error and no entry' {
        $out = Join-Path (New-CaseDirectory) 'out'
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $out $CleanTop)
        Set-Content -LiteralPath (Join-Path $out "$CleanTop/stale.txt") -Value 'stale'
        $before = Get-Tree $out
        $entries = Expand-PySdistSafely $Clean $out -ErrorVariable errs -ErrorAction SilentlyContinue
        $entries | Should -BeNullOrEmpty
        $errs.FullyQualifiedErrorId | Should -Be 'TargetExists,PyPackaging.Commands.ExpandPySdistSafelyCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-Tree $out | Should -Be $before
    }

    It 'a corrupt archive is a non-terminating InvalidArchive error and the next archive is expanded' {
        $case = New-CaseDirectory
        $bytes = [System.IO.File]::ReadAllBytes($Clean)
        $bytes[$bytes.Length - 6] = $bytes[$bytes.Length - 6] -bxor 0xFF   # the gzip CRC-32
        $corrupt = Join-Path $case 'corrupt-1.0.tar.gz'
        [System.IO.File]::WriteAllBytes($corrupt, $bytes)
        $out = Join-Path $case 'out'
        $null = Expand-PySdistSafely $corrupt, $Clean $out -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.FullyQualifiedErrorId | Should -Be 'InvalidArchive,PyPackaging.Commands.ExpandPySdistSafelyCommand'
        Test-Path -LiteralPath (Join-Path $out "$CleanTop/PKG-INFO") | Should -BeTrue
    }
}

Describe '-Verbose tells the truth about replacing' {
    It 'says Created, and never replacing, when there was no target (even with -Force)' {
        $out = Join-Path (New-CaseDirectory) 'out'
        $verbose = Expand-PySdistSafely $Clean $out -Force -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose | Should -Not -BeNullOrEmpty
        ($verbose -join "`n") | Should -Not -Match 'replac'
        ($verbose -join "`n") | Should -Match ([regex]::Escape("Created '$(Join-Path $out $CleanTop)'"))
    }

    It 'says Replaced when -Force replaced an existing target' {
        $out = Join-Path (New-CaseDirectory) 'out'
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $out $CleanTop)
        Set-Content -LiteralPath (Join-Path $out "$CleanTop/stale.txt") -Value 'stale'
        $verbose = Expand-PySdistSafely $Clean $out -Force -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ($verbose -join "`n") | Should -Match ([regex]::Escape("Replaced the existing '$(Join-Path $out $CleanTop)'"))
        Test-Path -LiteralPath (Join-Path $out "$CleanTop/stale.txt") | Should -BeFalse
    }

    It 'with -StripTopLevel -Force announces the replacement only when the destination holds something' {
        # What if: lines go to the host, not to a stream: read them from a child pwsh.
        $case = New-CaseDirectory
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $case 'full')
        Set-Content -LiteralPath (Join-Path $case 'full/old.txt') -Value 'old'
        $archive = $Clean -replace "'", "''"
        $run = Invoke-ChildPwsh -WorkingDirectory $case -Script "Import-Module `$env:PYPACKAGING_MODULE_PATH; Expand-PySdistSafely '$archive' fresh -StripTopLevel -Force -WhatIf; '---'; Expand-PySdistSafely '$archive' full -StripTopLevel -Force -WhatIf"
        $fresh, $full = ($run.Output -join "`n") -split '---'
        $fresh | Should -Match 'What if: Performing the operation "Expand" on target'
        $fresh | Should -Not -Match 'replac'
        $full | Should -Match 'What if: Performing the operation "Expand, replacing the existing directory"'
    }
}

Describe '-WhatIf and -Confirm' {
    It 'Expand-PySdistSafely -WhatIf says what it would do for each archive and writes nothing' {
        $case = New-CaseDirectory
        Copy-Item -LiteralPath $Clean, $Leaky -Destination $case
        $run = Invoke-ChildPwsh -WorkingDirectory $case -Script "Import-Module `$env:PYPACKAGING_MODULE_PATH; Get-ChildItem -Filter *.tar.gz | Expand-PySdistSafely -DestinationPath out -WhatIf"
        $run.ExitCode | Should -Be 0
        @($run.Output -match '^What if: Performing the operation "Expand" on target').Count | Should -Be 2
        Test-Path -LiteralPath (Join-Path $case 'out') | Should -BeFalse
    }

    It 'Build-PySdist -WhatIf lists the plan and writes nothing' {
        $project = New-CaseDirectory
        Set-Content -LiteralPath (Join-Path $project 'pyproject.toml') -Value "[build-system]`nrequires = [`"hatchling`"]`nbuild-backend = `"hatchling.build`"`n[project]`nname = `"whatif-demo`"`nversion = `"1.0`""
        $entries = Build-PySdist $project -WhatIf
        ($entries | Where-Object Action -eq Added).Path | Should -Contain 'whatif_demo-1.0/pyproject.toml'
        Test-Path -LiteralPath (Join-Path $project 'dist') | Should -BeFalse
    }

    It '<Command>: $ConfirmPreference = Medium asks (and fails in a non-interactive pwsh, writing nothing); -Confirm:$false runs' -ForEach @(
        @{ Command = 'Expand-PySdistSafely'; Invocation = 'Expand-PySdistSafely ./demo_pkg-1.0.0.tar.gz out'; Written = 'out' }
        @{ Command = 'Build-PySdist'; Invocation = 'Build-PySdist ./project'; Written = 'project/dist' }
    ) {
        $case = New-CaseDirectory
        Copy-Item -LiteralPath $Clean -Destination $case
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $case 'project')
        Set-Content -LiteralPath (Join-Path $case 'project/pyproject.toml') -Value "[build-system]`nrequires = [`"hatchling`"]`nbuild-backend = `"hatchling.build`"`n[project]`nname = `"confirm-demo`"`nversion = `"1.0`""
        $asks = Invoke-ChildPwsh -Script "Import-Module `$env:PYPACKAGING_MODULE_PATH; `$ConfirmPreference = 'Medium'; $Invocation" -WorkingDirectory $case
        $asks.Error | Should -Match 'NonInteractive'
        Test-Path -LiteralPath (Join-Path $case $Written) | Should -BeFalse

        $runs = Invoke-ChildPwsh -Script "`$ErrorActionPreference = 'Stop'; Import-Module `$env:PYPACKAGING_MODULE_PATH; `$ConfirmPreference = 'Medium'; `$null = $Invocation -Confirm:`$false; 'done'" -WorkingDirectory $case
        $runs.ExitCode | Should -Be 0 -Because $runs.Error
        $runs.Output | Should -Contain 'done'
        Test-Path -LiteralPath (Join-Path $case $Written) | Should -BeTrue
    }
}
