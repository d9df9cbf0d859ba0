# examples/ci: the GitHub Actions workflow and the Azure Pipelines YAML parse as YAML, their PowerShell steps parse
# as PowerShell, and every command they name exists (PyPackaging's in the staged module, with the parameters used).
# YAML is read with Python's yaml module (Debian python3-yaml, installed by .ci/run); where it is absent on a
# developer machine the tests are skipped with a notice, in CI (CI=true) they fail.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:ExamplesDir = Join-Path $RepoRoot 'examples/ci'
    $script:InCi = $env:CI -eq 'true'
    $null = & python3 -c 'import yaml' 2>&1
    $script:HaveYaml = $LASTEXITCODE -eq 0

    function ConvertFrom-YamlFile([string] $Path) {
        $json = & python3 -c 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8")), default=str))' $Path
        if ($LASTEXITCODE) { throw "python3 could not parse $Path as YAML." }
        $json | ConvertFrom-Json -AsHashtable
    }

    # Every command a script names, with the parameters it passes; fails on PowerShell syntax errors.
    function Get-ScriptCommand([string] $Script) {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Script, [ref] $tokens, [ref] $errors)
        if ($errors) { throw "PowerShell syntax error in:`n$Script`n$($errors -join "`n")" }
        foreach ($c in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
            [pscustomobject]@{
                Name       = $c.GetCommandName()
                Parameters = @($c.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] } | ForEach-Object ParameterName)
            }
        }
    }

    function Assert-CommandsExist([object[]] $Commands) {
        $module = @(Get-Command -Module PyPackaging | ForEach-Object Name)
        foreach ($command in $Commands) {
            if ($command.Name -notmatch '^[A-Za-z]+-[A-Za-z]+$') { continue }   # native tools (python) and paths
            if ($command.Name -like '*-PySdist*') {
                $module | Should -Contain $command.Name -Because "$($command.Name) is named in an example"
            }
            $info = Get-Command -Name $command.Name -ErrorAction SilentlyContinue
            $info | Should -Not -BeNullOrEmpty -Because "$($command.Name) is named in an example"
            foreach ($p in $command.Parameters) {
                $matching = @($info.Parameters.Keys | Where-Object { $_ -like "$p*" }) + @($info.Parameters.Values | Where-Object { $_.Aliases -contains $p })
                $matching.Count | Should -BeGreaterThan 0 -Because "-$p is passed to $($command.Name)"
            }
        }
    }

    function Skip-WithoutYaml {
        if ($HaveYaml) { return $false }
        if ($InCi) { throw 'python3 with the yaml module is required in CI (.ci/run installs python3-yaml).' }
        Set-ItResult -Skipped -Because 'python3 yaml is not installed (apt install python3-yaml)'
        return $true
    }
}

Describe 'examples/ci' {
    It 'the GitHub Actions workflow builds, gates, uploads SARIF and expands with commands that exist' {
        if (Skip-WithoutYaml) { return }
        $workflow = ConvertFrom-YamlFile (Join-Path $ExamplesDir 'github-actions.yml')
        $steps = @($workflow.jobs.Values | ForEach-Object { $_.steps })
        $scripts = @($steps | Where-Object { $_.ContainsKey('run') })
        $scripts | ForEach-Object { $_.shell | Should -BeIn @('pwsh', 'powershell') }
        $commands = @($scripts | ForEach-Object { Get-ScriptCommand $_.run })
        Assert-CommandsExist $commands
        $commands.Name | Should -Contain 'Assert-PySdist'
        $commands.Name | Should -Contain 'Expand-PySdistSafely'
        @($steps | Where-Object { $_.uses -like 'github/codeql-action/upload-sarif@*' }).Count | Should -Be 1
        $workflow.jobs.Values[0].permissions.'security-events' | Should -Be 'write'
    }

    It 'the Azure Pipelines YAML builds, gates, publishes results and expands with commands that exist' {
        if (Skip-WithoutYaml) { return }
        $pipeline = ConvertFrom-YamlFile (Join-Path $ExamplesDir 'azure-pipelines.yml')
        $steps = @($pipeline.steps)
        # $(Variable.Name) macros are replaced by the agent before pwsh runs; stand in a path for them.
        $scripts = @($steps | Where-Object { $_.ContainsKey('pwsh') } | ForEach-Object { $_.pwsh -replace '\$\((\w+(\.\w+)*)\)', '/agent/$1' })
        $commands = @($scripts | ForEach-Object { Get-ScriptCommand $_ })
        Assert-CommandsExist $commands
        $commands.Name | Should -Contain 'Assert-PySdist'
        $commands.Name | Should -Contain 'Expand-PySdistSafely'
        $publish = @($steps | Where-Object { $_.task -eq 'PublishTestResults@2' })
        $publish.Count | Should -Be 1
        $publish[0].inputs.testResultsFormat | Should -Be 'JUnit'
        @($steps | Where-Object { $_.task -eq 'PublishBuildArtifacts@1' -and $_.inputs.ArtifactName -eq 'CodeAnalysisLogs' }).Count | Should -Be 1
    }
}
