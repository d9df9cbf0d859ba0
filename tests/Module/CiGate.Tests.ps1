# Assert-PySdist as a CI step runs it: a fresh child pwsh with GitHub Actions' or Azure Pipelines' environment
# variables, over a clean sdist, a leaky one (venv link), both, and a pattern that matches nothing, with and without
# $ErrorActionPreference = 'Stop'. The expected annotation lines are built here from the finding objects
# Test-PySdist writes and from the CI systems' documented escaping, so rule wording can change without touching
# these tests, but the line format, the escaping, the summary and the exit codes cannot.
BeforeAll {
    . $PSScriptRoot/Common.ps1

    # GitHub: docs.github.com "Workflow commands": data escapes % CR LF; properties also ':' and ','.
    function ConvertTo-GitHubData([string] $Text) { $Text.Replace('%', '%25').Replace("`r", '%0D').Replace("`n", '%0A') }
    function ConvertTo-GitHubProperty([string] $Text) { (ConvertTo-GitHubData $Text).Replace(':', '%3A').Replace(',', '%2C') }
    # Azure: azure-pipelines-task-lib escaping: data escapes % (as %AZP25) CR LF; properties also ']' and ';'.
    function ConvertTo-AzureData([string] $Text) { $Text.Replace('%', '%AZP25').Replace("`r", '%0D').Replace("`n", '%0A') }
    function ConvertTo-AzureProperty([string] $Text) { (ConvertTo-AzureData $Text).Replace(']', '%5D').Replace(';', '%3B') }

    function Get-CountText([int] $Count, [string] $Noun, [switch] $NoPlural) {
        if ($Count -eq 1 -or $NoPlural) { "$Count $Noun" } else { "$Count ${Noun}s" }
    }

    # The lines Assert-PySdist must write for these archives (paths relative to the work folder, '/'-separated),
    # built from what Test-PySdist reports for each of them.
    function Get-ExpectedArchiveLines {
        param([string[]] $Archive, [string] $Style, [string] $FailOn = 'Error', [string] $WorkDir)
        $failed = 0
        foreach ($relative in $Archive) {
            $findings = @(Test-PySdist -LiteralPath (Join-Path $WorkDir $relative) | ForEach-Object Findings)
            foreach ($f in $findings) {
                $level = "$($f.Severity)".ToLowerInvariant()
                if ($level -notin 'error', 'warning') { continue }
                $text = $f.Path + ': ' + $f.Message
                switch ($Style) {
                    'GitHubActions' { '::{0} file={1},title={2}::{3}' -f $level, (ConvertTo-GitHubProperty $relative), (ConvertTo-GitHubProperty $f.RuleId), (ConvertTo-GitHubData $text) }
                    'AzurePipelines' { '##vso[task.logissue type={0};sourcepath={1};code={2};]{3}' -f $level, (ConvertTo-AzureProperty $relative), (ConvertTo-AzureProperty $f.RuleId), (ConvertTo-AzureData $text) }
                    'Plain' { '{0}: {1} {2}: {3}' -f $relative, $level, $f.RuleId, $text.Replace("`r", '\r').Replace("`n", '\n') }
                }
            }
            $errors = @($findings | Where-Object { "$($_.Severity)" -eq 'Error' }).Count
            $warnings = @($findings | Where-Object { "$($_.Severity)" -eq 'Warning' }).Count
            $information = @($findings | Where-Object { "$($_.Severity)" -eq 'Information' }).Count
            $fails = $errors -gt 0 -or ($FailOn -eq 'Warning' -and $warnings -gt 0)
            if ($fails) { $failed++ }
            '{0} {1}: {2}, {3}, {4}' -f ($(if ($fails) { 'FAIL' } else { 'PASS' })), $relative,
                (Get-CountText $errors 'error'), (Get-CountText $warnings 'warning'), (Get-CountText $information 'information' -NoPlural)
        }
        $script:ExpectedFailed = $failed
    }

    function Get-ExpectedHeadline([int] $Failed, [int] $Checked, [string] $FailOn = 'Error') {
        $sdists = if ($Checked -eq 1) { '1 sdist' } else { "$Checked sdists" }
        "PyPackaging: $Failed of $sdists failed the gate (fail on $FailOn)."
    }

    # A work folder with dist/ holding the given example sdists, like a CI checkout after the build step.
    function New-WorkDir([string[]] $Sdist) {
        $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N').Substring(0, 8))
        $null = New-Item -ItemType Directory -Path (Join-Path $dir 'dist')
        foreach ($s in $Sdist) { Copy-Item -LiteralPath $s -Destination (Join-Path $dir 'dist') }
        $dir
    }

    # Runs the gate in a child pwsh. Every CI marker is set explicitly (empty = unset) so the suite behaves the same
    # when it runs inside a CI itself.
    function Invoke-Gate {
        param([string] $WorkDir, [hashtable] $Environment = @{}, [switch] $Stop, [string] $Arguments = '-Path dist/*.tar.gz', [string] $After = "'after'", [string] $Before = '')
        # The checkout is the work folder, as on a runner (annotations name files relative to it).
        $variables = @{ GITHUB_ACTIONS = ''; TF_BUILD = ''; CI = ''; GITHUB_STEP_SUMMARY = ''; AGENT_TEMPDIRECTORY = ''; GITHUB_WORKSPACE = $WorkDir; BUILD_SOURCESDIRECTORY = $WorkDir }
        foreach ($k in $Environment.Keys) { $variables[$k] = $Environment[$k] }
        $preference = if ($Stop) { 'Stop' } else { 'Continue' }
        $script = "`$ErrorActionPreference = '$preference'; Import-Module `$env:PYPACKAGING_MODULE_PATH; $Before; Assert-PySdist $Arguments; $After"
        Invoke-ChildPwsh -Script $script -Environment $variables -WorkingDirectory $WorkDir
    }

    # An sdist whose file name and members hold %, ',', ':' and a newline; the link target too.
    function New-OddSdist([string] $Directory) {
        $path = Join-Path $Directory 'odd%25,pkg:1-1.0.tar.gz'
        $python = @'
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w:gz", format=tarfile.PAX_FORMAT) as t:
    def add(name, data=b"x", kind=tarfile.REGTYPE, link=""):
        info = tarfile.TarInfo(name); info.type = kind; info.mode = 0o644; info.linkname = link
        info.size = len(data) if kind == tarfile.REGTYPE else 0
        t.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
    add("odd_pkg-1.0/PKG-INFO", b"Metadata-Version: 2.4\nName: odd-pkg\nVersion: 1.0\n")
    add("odd_pkg-1.0/pyproject.toml", b"[project]\nname = 'odd-pkg'\nversion = '1.0'\n")
    add("odd_pkg-1.0/a%b,c:d\ne.txt")
    add("odd_pkg-1.0/l%1,2:3", kind=tarfile.SYMTYPE, link="/etc/pass%wd,x:y")
'@
        & python3 -c $python $path
        if ($LASTEXITCODE) { throw "python3 could not write $path" }
        $path
    }

    $script:GitHub = @{ GITHUB_ACTIONS = 'true'; CI = 'true' }
    $script:Azure = @{ TF_BUILD = 'True' }
}

Describe 'Assert-PySdist on GitHub Actions' {
    It 'passes a clean sdist: one PASS line, exit 0, <Preference>' -ForEach @(@{ Preference = 'Stop' }, @{ Preference = 'Continue' }) {
        $work = New-WorkDir $CleanSdist
        $summary = Join-Path $work 'summary.md'
        $run = Invoke-Gate -WorkDir $work -Stop:($Preference -eq 'Stop') -Environment ($GitHub + @{ GITHUB_STEP_SUMMARY = $summary })
        $expected = @(Get-ExpectedArchiveLines -Archive 'dist/demo_pkg-1.0.0.tar.gz' -Style GitHubActions -WorkDir $work)
        $run.Output | Should -Be (@($expected) + (Get-ExpectedHeadline 0 1) + 'after')
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $text = Get-Content -LiteralPath $summary -Raw
        $text | Should -Match '## PyPackaging: gate passed'
        $text | Should -Match ([regex]::Escape('### ✅ demo\_pkg-1.0.0.tar.gz: passes'))
        $text | Should -Match '<details open><summary>Members \(5, '
        $text | Should -Match '(?m)^    demo_pkg/$'
    }

    It 'fails a leaky sdist after writing every annotation, exit 1, <Preference>' -ForEach @(@{ Preference = 'Stop' }, @{ Preference = 'Continue' }) {
        $work = New-WorkDir $LeakySdist
        $summary = Join-Path $work 'summary.md'
        Set-Content -LiteralPath $summary -Value 'Earlier step' -NoNewline
        $run = Invoke-Gate -WorkDir $work -Stop:($Preference -eq 'Stop') -Environment ($GitHub + @{ GITHUB_STEP_SUMMARY = $summary })
        $expected = @(Get-ExpectedArchiveLines -Archive 'dist/leaky_pkg-1.0.0.tar.gz' -Style GitHubActions -WorkDir $work) + (Get-ExpectedHeadline 1 1)
        if ($Preference -ne 'Stop') { $expected += 'after' }   # without Stop the script goes on, the exit code still fails the step
        $run.Output | Should -Be $expected
        ($run.Output -like '::error file=dist/leaky_pkg-1.0.0.tar.gz,title=*').Count | Should -BeGreaterThan 0
        $run.ExitCode | Should -Be 1
        $run.Error | Should -Match 'SdistGateFailed|failed the gate'

        # The summary is appended to what earlier steps wrote: verdict, counts, a row per finding, the member tree.
        $text = Get-Content -LiteralPath $summary -Raw
        $text | Should -BeLike 'Earlier step## PyPackaging: gate failed*'
        $text | Should -Match ([regex]::Escape('### ❌ leaky\_pkg-1.0.0.tar.gz: fails'))
        $findings = @(Test-PySdist -LiteralPath $LeakySdist | ForEach-Object Findings)
        $counts = foreach ($s in 'Error', 'Warning', 'Information') { @($findings | Where-Object { "$($_.Severity)" -eq $s }).Count }
        $members = @(Test-PySdist -LiteralPath $LeakySdist | Where-Object { "$($_.EntryType)" -ne 'Archive' }).Count
        $text | Should -Match ([regex]::Escape("| $($counts[0]) | $($counts[1]) | $($counts[2]) | $members |"))
        foreach ($f in $findings) {
            $text | Should -Match ("\| {0} \| <code>[^|]*</code> \| {1} \|" -f $f.Severity, [regex]::Escape($f.RuleId))
        }
        $text | Should -Match '(?m)^      python -&gt; /usr/local/bin/python3  ← Error$'
        $text | Should -Match '<details open><summary>Members \(12, |<details><summary>Members \('
    }

    It 'fails the mix of a clean and a leaky sdist with one verdict line per archive' {
        $work = New-WorkDir $CleanSdist, $LeakySdist
        $run = Invoke-Gate -WorkDir $work -Stop -Environment ($GitHub + @{ GITHUB_STEP_SUMMARY = (Join-Path $work 's.md') })
        $expected = @(Get-ExpectedArchiveLines -Archive 'dist/demo_pkg-1.0.0.tar.gz', 'dist/leaky_pkg-1.0.0.tar.gz' -Style GitHubActions -WorkDir $work)
        $run.Output | Should -Be ($expected + (Get-ExpectedHeadline 1 2))
        @($run.Output -match '^(PASS|FAIL) ').Count | Should -Be 2
        $run.ExitCode | Should -Be 1
        $text = Get-Content -LiteralPath (Join-Path $work 's.md') -Raw
        $text | Should -Match 'demo\\_pkg-1.0.0.tar.gz: passes'
        $text | Should -Match 'leaky\\_pkg-1.0.0.tar.gz: fails'
    }

    It 'fails when no sdist matches, with and without Stop' -ForEach @(@{ Stop = $true }, @{ Stop = $false }) {
        $work = New-WorkDir @()
        $null = Test-PySdist -Path (Join-Path $work 'dist/*.tar.gz') -ErrorAction SilentlyContinue -ErrorVariable notFound
        $id = $notFound[0].FullyQualifiedErrorId.Split(',')[0]
        $message = $notFound[0].Exception.Message.Replace((Join-Path $work 'dist/*.tar.gz'), 'dist/*.tar.gz')
        $run = Invoke-Gate -WorkDir $work -Stop:$Stop -Environment ($GitHub + @{ GITHUB_STEP_SUMMARY = (Join-Path $work 's.md') })
        $run.Output[0] | Should -Be ('::error title={0}::{1}' -f (ConvertTo-GitHubProperty $id), (ConvertTo-GitHubData $message))
        $run.Output[1] | Should -Be 'PyPackaging: no sdist was checked; 1 input could not be checked.'
        $run.ExitCode | Should -Be 1
        Get-Content -LiteralPath (Join-Path $work 's.md') -Raw | Should -Match "Inputs that could not be checked"
    }

    It 'annotates an input it cannot read, still checks the others under Stop, and fails' {
        $work = New-WorkDir @()
        $null = New-Item -ItemType Directory -Path (Join-Path $work 'dist/a_dir-1.0.tar.gz')   # matched, but not a file
        [System.IO.File]::WriteAllBytes((Join-Path $work 'dist/garbage-1.0.tar.gz'), [byte[]](1..200))
        $null = Test-PySdist -LiteralPath (Join-Path $work 'dist/a_dir-1.0.tar.gz') -ErrorAction SilentlyContinue -ErrorVariable unreadable
        $id = $unreadable[0].FullyQualifiedErrorId.Split(',')[0]
        $run = Invoke-Gate -WorkDir $work -Stop -Environment $GitHub -Arguments '-Path dist/*.tar.gz -NoSummary'
        $expected = @('::error title={0}::{1}' -f (ConvertTo-GitHubProperty $id), (ConvertTo-GitHubData $unreadable[0].Exception.Message))
        $expected += @(Get-ExpectedArchiveLines -Archive 'dist/garbage-1.0.tar.gz' -Style GitHubActions -WorkDir $work)
        $expected += (Get-ExpectedHeadline $ExpectedFailed 1).TrimEnd('.') + '; 1 input could not be checked.'
        $run.Output | Should -Be $expected
        $run.ExitCode | Should -Be 1
    }

    It 'names archives relative to GITHUB_WORKSPACE when the step runs in a subdirectory' {
        $work = New-WorkDir $LeakySdist
        $null = New-Item -ItemType Directory -Path (Join-Path $work 'src')
        $run = Invoke-Gate -WorkDir $work -Stop -Environment $GitHub -Before 'Set-Location src' -Arguments '-Path ../dist/*.tar.gz -NoSummary'
        $expected = @(Get-ExpectedArchiveLines -Archive 'dist/leaky_pkg-1.0.0.tar.gz' -Style GitHubActions -WorkDir $work)
        $run.Output | Should -Be ($expected + (Get-ExpectedHeadline 1 1))
        $run.ExitCode | Should -Be 1
    }

    It 'fails without reading any archive when a rule pattern matches no rule' {
        $work = New-WorkDir $CleanSdist
        $run = Invoke-Gate -WorkDir $work -Stop -Environment $GitHub -Arguments '-Path dist/*.tar.gz -NoSummary -ExcludeRule NoSuchRule'
        $run.Output[0] | Should -BeLike '::error title=RuleNotFound::No rule matches NoSuchRule; *'
        $run.Output[1] | Should -Be 'PyPackaging: no sdist was checked; 1 input could not be checked.'
        $run.Output.Count | Should -Be 2
        $run.ExitCode | Should -Be 1
    }

    It 'keeps %, comma, colon and newline in file names, members and messages intact' {
        $work = New-WorkDir @()
        $odd = New-OddSdist (Join-Path $work 'dist')
        $relative = 'dist/' + (Split-Path -Leaf $odd)
        $run = Invoke-Gate -WorkDir $work -Stop -Environment $GitHub -Arguments '-Path dist/*.tar.gz -NoSummary'
        $expected = @(Get-ExpectedArchiveLines -Archive $relative -Style GitHubActions -WorkDir $work)
        $run.Output | Should -Be ($expected + (Get-ExpectedHeadline 1 1))
        # Each annotation is one physical line, and the decoded text is the finding's text.
        $line = @($run.Output -like '*title=ControlCharacterInPath::*')[0]
        $line | Should -BeLike '::error file=dist/odd%2525%2Cpkg%3A1-1.0.tar.gz,title=ControlCharacterInPath::odd_pkg-1.0/a%25b,c:d%0Ae.txt: *'
        $decoded = ($line -split '::', 3)[2].Replace('%0A', "`n").Replace('%0D', "`r").Replace('%25', '%')
        $finding = Test-PySdist -LiteralPath $odd | ForEach-Object Findings | Where-Object RuleId -eq 'ControlCharacterInPath' | Select-Object -First 1
        $decoded | Should -BeExactly ($finding.Path + ': ' + $finding.Message)
    }

    It 'with -FailOn Warning fails on warnings; by default warnings pass' {
        $work = New-WorkDir @()
        $python = @'
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w:gz", format=tarfile.PAX_FORMAT) as t:
    for name, data in [("warn_pkg-1.0/PKG-INFO", b"Metadata-Version: 2.4\nName: warn-pkg\nVersion: 1.0\n"),
                       ("warn_pkg-1.0/pyproject.toml", b"[project]\nname = 'warn-pkg'\nversion = '1.0'\n"),
                       ("warn_pkg-1.0/src/warn_pkg/__pycache__/m.cpython-312.pyc", b"\x00\x01")]:
        info = tarfile.TarInfo(name); info.size = len(data); info.mode = 0o644
        t.addfile(info, io.BytesIO(data))
'@
        & python3 -c $python (Join-Path $work 'dist/warn_pkg-1.0.tar.gz')
        $findings = @(Test-PySdist -LiteralPath (Join-Path $work 'dist/warn_pkg-1.0.tar.gz') | ForEach-Object Findings)
        @($findings | Where-Object { "$($_.Severity)" -eq 'Error' }).Count | Should -Be 0 -Because 'the crafted sdist should only warn'
        @($findings | Where-Object { "$($_.Severity)" -eq 'Warning' }).Count | Should -BeGreaterThan 0

        $default = Invoke-Gate -WorkDir $work -Stop -Environment $GitHub -Arguments '-Path dist/*.tar.gz -NoSummary' -After ''
        $default.Output | Should -Be (@(Get-ExpectedArchiveLines -Archive 'dist/warn_pkg-1.0.tar.gz' -Style GitHubActions -WorkDir $work) + (Get-ExpectedHeadline 0 1))
        $default.ExitCode | Should -Be 0

        $strict = Invoke-Gate -WorkDir $work -Stop -Environment $GitHub -Arguments '-Path dist/*.tar.gz -NoSummary -FailOn Warning' -After ''
        $strict.Output | Should -Be (@(Get-ExpectedArchiveLines -Archive 'dist/warn_pkg-1.0.tar.gz' -Style GitHubActions -FailOn Warning -WorkDir $work) + (Get-ExpectedHeadline 1 1 Warning))
        $strict.ExitCode | Should -Be 1
    }

    It 'still fails when the step ends with the exit $LASTEXITCODE GitHub appends, after a native command succeeded' {
        $work = New-WorkDir $LeakySdist
        # What the runner wraps around a pwsh step: Stop first, `exit $LASTEXITCODE` last. Here without Stop, and with
        # a successful native command (the build) before the gate, which leaves $LASTEXITCODE at 0.
        $run = Invoke-Gate -WorkDir $work -Environment $GitHub -Before "python3 -c 'pass'" -Arguments '-Path dist/*.tar.gz -NoSummary 2>$null' `
            -After "'done'; if ((Test-Path -LiteralPath variable:\LASTEXITCODE)) { exit `$LASTEXITCODE }"
        $run.ExitCode | Should -Be 1
        $run.Output[-1] | Should -Be 'done'
    }
}

Describe 'Assert-PySdist on Azure Pipelines' {
    It 'passes a clean sdist and uploads the summary' {
        $work = New-WorkDir $CleanSdist
        $run = Invoke-Gate -WorkDir $work -Stop -Environment ($Azure + @{ AGENT_TEMPDIRECTORY = $work })
        $expected = @(Get-ExpectedArchiveLines -Archive 'dist/demo_pkg-1.0.0.tar.gz' -Style AzurePipelines -WorkDir $work)
        $run.Output.Count | Should -Be ($expected.Count + 3)
        $run.Output[0..($expected.Count - 1)] | Should -Be $expected
        $run.Output[$expected.Count] -match '^##vso\[task\.uploadsummary\](.+PyPackaging\.md)$' | Should -BeTrue
        $uploaded = $Matches[1]
        $uploaded | Should -BeLike "$work*"
        Get-Content -LiteralPath $uploaded -Raw | Should -Match 'demo\\_pkg-1.0.0.tar.gz: passes'
        $run.Output[-2] | Should -Be (Get-ExpectedHeadline 0 1)
        $run.Output[-1] | Should -Be 'after'
        $run.ExitCode | Should -Be 0
    }

    It 'fails a leaky sdist with logissue lines and task.complete result=Failed, <Preference>' -ForEach @(@{ Preference = 'Stop' }, @{ Preference = 'Continue' }) {
        $work = New-WorkDir $CleanSdist, $LeakySdist
        $run = Invoke-Gate -WorkDir $work -Stop:($Preference -eq 'Stop') -Environment ($Azure + @{ AGENT_TEMPDIRECTORY = $work })
        $expected = @(Get-ExpectedArchiveLines -Archive 'dist/demo_pkg-1.0.0.tar.gz', 'dist/leaky_pkg-1.0.0.tar.gz' -Style AzurePipelines -WorkDir $work)
        $run.Output[0..($expected.Count - 1)] | Should -Be $expected
        ($run.Output -like '##vso`[task.logissue type=error;sourcepath=dist/leaky_pkg-1.0.0.tar.gz;code=*').Count | Should -BeGreaterThan 0
        $run.Output[$expected.Count] | Should -Match '^##vso\[task\.uploadsummary\]'
        $headline = Get-ExpectedHeadline 1 2
        $run.Output[$expected.Count + 1] | Should -Be $headline
        $run.Output[$expected.Count + 2] | Should -Be "##vso[task.complete result=Failed;]$headline"
        $run.ExitCode | Should -Be 1
    }

    It 'fails when no sdist matches' {
        $work = New-WorkDir @()
        $run = Invoke-Gate -WorkDir $work -Stop -Environment ($Azure + @{ AGENT_TEMPDIRECTORY = $work })
        $run.Output[0] | Should -BeLike '##vso`[task.logissue type=error;code=PathNotFound;`]*dist/`*.tar.gz*'
        $run.Output[-1] | Should -Be '##vso[task.complete result=Failed;]PyPackaging: no sdist was checked; 1 input could not be checked.'
        $run.ExitCode | Should -Be 1
    }

    It 'escapes %, newline, ] and ; the way the agent decodes them' {
        $work = New-WorkDir @()
        $odd = New-OddSdist (Join-Path $work 'dist')
        $run = Invoke-Gate -WorkDir $work -Stop -Environment ($Azure + @{ AGENT_TEMPDIRECTORY = $work }) -Arguments '-Path dist/*.tar.gz -NoSummary'
        $expected = @(Get-ExpectedArchiveLines -Archive ('dist/' + (Split-Path -Leaf $odd)) -Style AzurePipelines -WorkDir $work)
        $run.Output | Should -Be ($expected + (Get-ExpectedHeadline 1 1) + "##vso[task.complete result=Failed;]$(Get-ExpectedHeadline 1 1)")
        @($run.Output -like '*code=ControlCharacterInPath;]odd_pkg-1.0/a%AZP25b,c:d%0Ae.txt: *').Count | Should -Be 1
    }
}

Describe 'Assert-PySdist elsewhere' {
    It 'writes plain lines and fails with a terminating error; the exit code follows the script unless -EnableExit' {
        # CI=true alone (GitLab, Jenkins, this suite under .ci/run) does not set the exit code: only a detected CI or -EnableExit does.
        $work = New-WorkDir $CleanSdist, $LeakySdist
        $run = Invoke-Gate -WorkDir $work -Environment @{ CI = 'true' } -Arguments '-Path dist/*.tar.gz -SummaryPath summary.md' -After "'after'"
        $expected = @(Get-ExpectedArchiveLines -Archive 'dist/demo_pkg-1.0.0.tar.gz', 'dist/leaky_pkg-1.0.0.tar.gz' -Style Plain -WorkDir $work)
        $run.Output | Should -Be ($expected + (Get-ExpectedHeadline 1 2) + 'after')
        $run.ExitCode | Should -Be 0 -Because 'with plain output only -EnableExit sets the exit code of a script that goes on'
        Get-Content -LiteralPath (Join-Path $work 'summary.md') -Raw | Should -Match 'leaky\\_pkg-1.0.0.tar.gz: fails'

        $enabled = Invoke-Gate -WorkDir $work -Arguments '-Path dist/*.tar.gz -EnableExit' -After "'after'"
        $enabled.ExitCode | Should -Be 1
    }

    It 'sets $LASTEXITCODE and throws SdistGateFailed in this session' {
        $work = New-WorkDir $LeakySdist
        Push-Location -LiteralPath $work
        try {
            $global:LASTEXITCODE = 0
            { Assert-PySdist -Path dist/*.tar.gz -Style Plain -NoSummary -InformationAction Ignore } | Should -Throw -ErrorId 'SdistGateFailed,PyPackaging.Commands.AssertPySdistCommand'
            $global:LASTEXITCODE | Should -Be 1
        }
        finally { Pop-Location; $global:LASTEXITCODE = 0 }
    }

    It 'writes the SARIF and JUnit files before failing' {
        $work = New-WorkDir $LeakySdist
        $run = Invoke-Gate -WorkDir $work -Stop -Environment $GitHub -Arguments '-Path dist/*.tar.gz -NoSummary -SarifPath out/pypackaging.sarif -JUnitPath out/pypackaging.xml'
        $run.ExitCode | Should -Be 1
        $sarif = Get-Content -LiteralPath (Join-Path $work 'out/pypackaging.sarif') -Raw | ConvertFrom-Json
        $sarif.version | Should -Be '2.1.0'
        @($sarif.runs[0].results).Count | Should -Be @(Test-PySdist -LiteralPath $LeakySdist | ForEach-Object Findings).Count
        [xml] $junit = Get-Content -LiteralPath (Join-Path $work 'out/pypackaging.xml') -Raw
        [int] $junit.testsuites.failures | Should -BeGreaterThan 0
    }
}
