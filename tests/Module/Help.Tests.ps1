# Get-Help as users read it: syntax that matches the cmdlets (switches without a value, -WhatIf/-Confirm, common
# parameters), every parameter described, an online page for every cmdlet, the about topic, and generated files that
# are current. Every exported cmdlet is covered, including ones added later.
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
    $commands = @((Get-Module PyPackaging).ExportedCommands.Keys | Sort-Object | ForEach-Object { @{ Command = $_ } })
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    # The SYNTAX section as Get-Help renders it, on one line per syntax item.
    function Get-SyntaxText([string] $Command) {
        $text = Get-Help -Name $Command | Out-String -Width 10000
        $start = $text.IndexOf('SYNTAX')
        $end = $text.IndexOf('DESCRIPTION', $start)
        $text.Substring($start, $end - $start)
    }
}

Describe 'Get-Help <Command>' -ForEach $commands {
    BeforeAll {
        $info = Get-Command -Name $Command
        $help = Get-Help -Name $Command -Full
        $syntax = Get-SyntaxText $Command
        $own = @($info.Parameters.Values | Where-Object { $_.Name -notin $Common })
    }

    It 'comes from the MAML file, with a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape("$Command ["))   # the generated fallback is the syntax line
        ($help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'shows switches without a value and every other parameter with its type' {
        foreach ($parameter in $own) {
            if ($parameter.SwitchParameter) {
                $syntax | Should -Match ([regex]::Escape("[-$($parameter.Name)]"))
                $syntax | Should -Not -Match ([regex]::Escape("-$($parameter.Name) <"))
            }
            else {
                $syntax | Should -Match ("-{0}\]? <" -f [regex]::Escape($parameter.Name))
            }
        }
        $syntax | Should -Not -Match '<SwitchParameter>'
        $syntax | Should -Match ([regex]::Escape('[<CommonParameters>]'))
    }

    It 'has one syntax item per parameter set, with exactly the parameters of that set' {
        $items = @($help.syntax.syntaxItem | ForEach-Object { , @($_.parameter.name | Sort-Object) })
        $sets = @($info.ParameterSets | ForEach-Object { , @($_.Parameters.Name | Where-Object { $_ -notin $Common -or $_ -in 'WhatIf', 'Confirm' } | Sort-Object) })
        $items.Count | Should -Be $sets.Count
        foreach ($set in $sets) {
            @($items | Where-Object { ($_ -join ',') -eq ($set -join ',') }).Count | Should -Be 1 -Because "a syntax item should list $($set -join ', ')"
        }
    }

    It 'shows -WhatIf and -Confirm exactly when the cmdlet supports them' {
        $supports = $info.Parameters.ContainsKey('WhatIf')
        $because = 'a cmdlet with SupportsShouldProcess needs "should_process": True in tools/help/helpdata.py'
        ($syntax -match [regex]::Escape('[-WhatIf]')) | Should -Be $supports -Because $because
        ($syntax -match [regex]::Escape('[-Confirm]')) | Should -Be $supports -Because $because
    }

    It 'describes every parameter, -WhatIf and -Confirm included, and nothing else' {
        $documented = @{}
        foreach ($p in @($help.parameters.parameter)) { $documented[$p.name] = ($p.description.Text -join ' ') }
        $expected = @($info.Parameters.Values | Where-Object { $_.Name -notin $Common -or $_.Name -in 'WhatIf', 'Confirm' } | ForEach-Object Name)
        foreach ($name in $expected) {
            $documented.ContainsKey($name) | Should -BeTrue -Because "-$name should be documented"
            $documented[$name] | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
        foreach ($name in $documented.Keys) { $name | Should -BeIn $expected }
    }

    It 'has a HelpUri, the Online Version link names it, and the page exists in docs/help' {
        $info.HelpUri | Should -Match '^https://' -Because 'every cmdlet names its online page: add a constant to src/PyPackaging/Commands/HelpLinks.cs and HelpUri = HelpLinks.<Name> to its [Cmdlet] attribute'
        $online = @($help.relatedLinks.navigationLink | Where-Object { $_.uri })[0]
        $online.linkText | Should -Be 'Online Version:'
        $online.uri | Should -Be $info.HelpUri
        $info.HelpUri | Should -BeLike "*/docs/help/$Command.md"
        Test-Path -LiteralPath (Join-Path $RepoRoot "docs/help/$Command.md") | Should -BeTrue
    }
}

Describe 'about_PyPackaging' {
    It 'is found by Get-Help and gives the concepts' {
        $about = Get-Help about_PyPackaging | Out-String
        foreach ($section in 'ENTRIES', 'FINDINGS', 'RULE CATEGORIES AND SEVERITIES', 'GATING A CI STEP', 'LIMITS', 'EXTRACTION GUARANTEES') {
            $about | Should -Match "(?m)^$section\s*$"
        }
        foreach ($term in 'Structure', 'Metadata', 'Safety', 'Hygiene', 'Limits', 'Error', 'Warning', 'Information', 'RuleNotFound', 'MaxTotalSize', 'SkipUnsafe') {
            $about | Should -Match "\b$term\b"
        }
        $about | Should -Match ([regex]::Escape('if (-not (Test-PySdist dist/*.tar.gz -Quiet)) { exit 1 }'))
    }
}

Describe 'Generated help' {
    It 'the MAML, the about topic and docs/help are what tools/help/genmaml.py writes from helpdata.py' {
        $python = Get-Command python3, python -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if (-not $python) {
            if ($env:CI -eq 'true') { throw 'python3 is needed to check the generated help' }
            Set-ItResult -Skipped -Because 'python3 is not installed'; return
        }
        $out = Join-Path ([System.IO.Path]::GetTempPath()) ("pypackaging-help-" + [guid]::NewGuid().ToString('N'))
        try {
            $null = New-Item -ItemType Directory -Force -Path (Join-Path $out 'en-US'), (Join-Path $out 'docs')
            & $python.Source (Join-Path $RepoRoot 'tools/help/genmaml.py') (Join-Path $RepoRoot 'tools/help/helpdata.py') (Join-Path $out 'en-US/PyPackaging.dll-Help.xml') (Join-Path $out 'docs')
            $LASTEXITCODE | Should -Be 0
            foreach ($name in 'PyPackaging.dll-Help.xml', 'about_PyPackaging.help.txt') {
                Get-Content -LiteralPath (Join-Path $out "en-US/$name") -Raw |
                    Should -BeExactly (Get-Content -LiteralPath (Join-Path $RepoRoot "src/PyPackaging/en-US/$name") -Raw) -Because "src/PyPackaging/en-US/$name must be regenerated"
            }
            $generated = @(Get-ChildItem -LiteralPath (Join-Path $out 'docs') -File | ForEach-Object Name | Sort-Object)
            @(Get-ChildItem -LiteralPath (Join-Path $RepoRoot 'docs/help') -File | ForEach-Object Name | Sort-Object) | Should -Be $generated
            foreach ($name in $generated) {
                Get-Content -LiteralPath (Join-Path $out "docs/$name") -Raw |
                    Should -BeExactly (Get-Content -LiteralPath (Join-Path $RepoRoot "docs/help/$name") -Raw) -Because "docs/help/$name must be regenerated"
            }
        }
        finally {
            Remove-Item -LiteralPath $out -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'the staged module carries the about topic' {
        Test-Path -LiteralPath (Join-Path (Split-Path $ModulePath) 'en-US/about_PyPackaging.help.txt') | Should -BeTrue
    }
}
