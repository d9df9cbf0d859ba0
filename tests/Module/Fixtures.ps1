# Fixtures and discovery helpers for the tests that run the documentation (README snippets, help examples).
# Dot-sourced after Common.ps1. Everything is written below the directory the caller passes (a temp directory).

# A working directory that the README snippets and help examples can run in, as a user would have it:
#   work/                  a project ("sample" 0.1, static metadata, a git repository when git is installed)
#   work/dist/             clean sdists: demo-1.0.tar.gz (built here by Build-PySdist) and demo_pkg-1.0.0.tar.gz
#   work/myproject/        a second project
#   work/pkg[1]-1.0.tar.gz a clean sdist whose name needs -LiteralPath
# Snippets run in a fresh copy of work/ (Copy-SnippetFixture), so ../artifacts and the like stay in the temp root.
function New-SnippetFixture {
    param([Parameter(Mandatory)] [string] $Root)
    $work = Join-Path $Root 'work'
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $work 'sample'), (Join-Path $work 'myproject/myproject'), (Join-Path $work 'dist')
    Set-Content -LiteralPath (Join-Path $work 'pyproject.toml') -Value @'
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "sample"
version = "0.1"
description = "The project the documentation snippets run in"
readme = "README.md"
requires-python = ">=3.9"
'@
    Set-Content -LiteralPath (Join-Path $work 'README.md') -Value '# sample'
    Set-Content -LiteralPath (Join-Path $work 'sample/__init__.py') -Value '__version__ = "0.1"'
    Set-Content -LiteralPath (Join-Path $work '.gitignore') -Value @('*.log', 'dist/')  # build outputs are not committed (Build-PySdist would report tracked ones the sdist lacks)
    Set-Content -LiteralPath (Join-Path $work 'myproject/pyproject.toml') -Value @'
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "myproject"
version = "2.0"
description = "A second project"
'@
    Set-Content -LiteralPath (Join-Path $work 'myproject/myproject/__init__.py') -Value ''

    # dist/demo-1.0.tar.gz, built by the module itself from a project named demo, so every name in it agrees.
    $demo = Join-Path $Root 'demo-src'
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $demo 'demo')
    Set-Content -LiteralPath (Join-Path $demo 'pyproject.toml') -Value @'
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "demo"
version = "1.0"
description = "A clean demo sdist"
'@
    Set-Content -LiteralPath (Join-Path $demo 'demo/__init__.py') -Value ''
    $null = Build-PySdist -Path $demo -OutputDirectory (Join-Path $work 'dist') -ErrorAction Stop
    Copy-Item -LiteralPath $CleanSdist -Destination (Join-Path $work 'dist')
    Copy-Item -LiteralPath $CleanSdist -Destination (Join-Path $work 'pkg[1]-1.0.tar.gz')

    if (Get-Command git -CommandType Application -ErrorAction SilentlyContinue) {
        $null = & git -C $work init --quiet
        $null = & git -C $work add --all
        $null = & git -C $work -c user.name=test -c user.email=test@example.invalid -c commit.gpgsign=false commit --quiet -m 'fixture'
    }
    $work
}

function Copy-SnippetFixture {
    param([Parameter(Mandatory)] [string] $Template, [Parameter(Mandatory)] [string] $Destination)
    $null = New-Item -ItemType Directory -Force -Path $Destination
    Copy-Item -LiteralPath $Template -Destination (Join-Path $Destination 'work') -Recurse -Force
    Join-Path $Destination 'work'
}

# Every fenced ```powershell (or ```pwsh, ```ps1) block of a Markdown file, with the heading it sits under, as hashtables
# (Pester's -ForEach turns their keys into variables). A block
# preceded directly by <!-- snippet-test: skip (reason) --> is returned with Skip = reason.
function Get-MarkdownSnippets {
    param([Parameter(Mandatory)] [string] $Path)
    $lines = Get-Content -LiteralPath $Path
    $heading = '(top)'
    $skip = $null
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^#{1,6}\s+(.+)$') { $heading = $Matches[1]; continue }
        if ($line -match '^<!--\s*snippet-test:\s*skip\s*(.*?)\s*-->\s*$') { $skip = if ($Matches[1]) { $Matches[1] } else { 'marked skip' }; continue }
        if ($line -match '^```\s*(\S*)') {
            $language = $Matches[1]
            $start = $i + 1
            $i++
            while ($i -lt $lines.Count -and $lines[$i] -notmatch '^```\s*$') { $i++ }
            if ($language -in 'powershell', 'pwsh', 'ps1', 'ps') {
                @{
                    Name = "$heading (line $start)"
                    Code = ($lines[$start..($i - 1)] -join "`n")
                    Line = $start
                    Skip = $skip
                }
            }
        }
        if ($line.Trim()) { $skip = $null }
    }
}

# Every example of every cmdlet the module exports, from Get-Help (so new cmdlets are picked up on their own).
function Get-HelpExampleSnippets {
    param([Parameter(Mandatory)] [string] $ModuleName)
    foreach ($command in (Get-Module $ModuleName).ExportedCommands.Keys | Sort-Object) {
        $number = 0
        foreach ($example in @((Get-Help -Name $command -Full).examples.example)) {
            $number++
            if (-not $example) { continue }
            @{
                Name = "$command example $number"
                Code = ($example.code -join "`n")
                Line = $number
                Skip = $null
            }
        }
    }
}

# Runs a snippet as a user would: a fresh pwsh, the staged module imported, $ErrorActionPreference = 'Stop', the
# fixture as the current location. Returns the Invoke-ChildPwsh result.
function Invoke-Snippet {
    param([Parameter(Mandatory)] [string] $Code, [Parameter(Mandatory)] [string] $WorkingDirectory)
    $script = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Import-Module `$env:PYPACKAGING_MODULE_PATH
$Code
"@
    Invoke-ChildPwsh -Script $script -WorkingDirectory $WorkingDirectory -Environment @{ SOURCE_DATE_EPOCH = '' }
}
