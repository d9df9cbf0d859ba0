# Build-PySdist -Backend Project as users run it, in a child pwsh: the "What if:" line names the mode, the runner and
# the reason; a build leaves nothing in the temporary directory (TMPDIR points into TestDrive for the child only),
# whether it succeeds or the backend fails. Needs Debian's /usr/bin/python3 with build, setuptools and hatchling
# (.ci/run installs them); elsewhere the tests are skipped, in CI they fail.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:Py = '/usr/bin/python3'
    $script:HasBackends = $false
    if (Test-Path -LiteralPath $Py) {
        & $Py -c 'import build, setuptools, hatchling' 2>$null
        $script:HasBackends = $LASTEXITCODE -eq 0
    }
    if (-not $HasBackends -and $env:CI -eq 'true' -and $env:PYPACKAGING_SKIP_PYTHON_TOOLS -ne '1') { throw "$Py with build, setuptools and hatchling is needed (.ci/run installs them)" }

    function New-SetuptoolsProject([string] $Path, [string] $SetupPy) {
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $Path 'src/stdemo')
        Set-Content -LiteralPath (Join-Path $Path 'pyproject.toml') -Value "[build-system]`nrequires = [`"setuptools`"]`nbuild-backend = `"setuptools.build_meta`"`n"
        Set-Content -LiteralPath (Join-Path $Path 'setup.py') -Value $SetupPy
        Set-Content -LiteralPath (Join-Path $Path 'src/stdemo/__init__.py') -Value ''
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $Path 'venv')
        Set-Content -LiteralPath (Join-Path $Path 'venv/pyvenv.cfg') -Value 'home = /usr/bin'
    }

    function Invoke-Build([string] $Project, [string] $Arguments, [string] $Temp) {
        $null = New-Item -ItemType Directory -Force -Path $Temp
        $script = "Import-Module `$env:PYPACKAGING_MODULE_PATH; Build-PySdist -Path '$Project' -Python '$Py' $Arguments"
        Invoke-ChildPwsh -Script $script -Environment @{ TMPDIR = $Temp }
    }
}

Describe 'Build-PySdist -Backend Project' {
    BeforeEach {
        if (-not $HasBackends) { Set-ItResult -Skipped -Because "$Py lacks build, setuptools or hatchling" }
    }

    It '-WhatIf prints the mode, the runner and why, and writes nothing' {
        $project = Join-Path $TestDrive 'whatif'
        New-SetuptoolsProject $project "from setuptools import setup`nsetup(name='stdemo', version='1.0', packages=['stdemo'], package_dir={'': 'src'})"
        $run = Invoke-Build $project '-WhatIf' (Join-Path $TestDrive 'tmp-whatif')
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $text = $run.Output -join ' '
        $text | Should -Match 'What if: .*Build sdist in Project mode with /usr/bin/python3 -m build --sdist --no-isolation'
        $text | Should -Match "because the build backend 'setuptools\.build_meta' \(setuptools\) is not one the native build imitates"
        Test-Path -LiteralPath (Join-Path $project 'dist') | Should -BeFalse
        @(Get-ChildItem -LiteralPath (Join-Path $TestDrive 'tmp-whatif') -Force).Count | Should -Be 0
    }

    It 'a successful build and a failing backend both leave the temporary directory empty' {
        $good = Join-Path $TestDrive 'good'
        New-SetuptoolsProject $good "from setuptools import setup`nsetup(name='stdemo', version='1.0', packages=['stdemo'], package_dir={'': 'src'})"
        $temp = Join-Path $TestDrive 'tmp-build'
        $run = Invoke-Build $good '| Select-Object -First 1 | ForEach-Object { $_.BuildMode + " " + $_.BuildRunner + " " + $_.Path }' $temp
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Contain 'Project python -m build stdemo-1.0.tar.gz'
        @(Get-ChildItem -LiteralPath $temp -Force).Count | Should -Be 0

        $bad = Join-Path $TestDrive 'bad'
        New-SetuptoolsProject $bad "raise SystemExit('setup.py refuses on purpose')"
        $failed = Invoke-Build $bad '-ErrorAction Stop' $temp
        $failed.ExitCode | Should -Not -Be 0
        $failed.Error | Should -Match 'setup.py refuses on purpose'
        @(Get-ChildItem -LiteralPath $temp -Force).Count | Should -Be 0
        Test-Path -LiteralPath (Join-Path $bad 'dist') | Should -BeFalse
    }
}
