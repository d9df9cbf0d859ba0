# The default views rendered as a console of 80 and of 120 columns shows them: no line longer than the console (so the
# host never cuts one), member paths and rule ids never broken mid-word, and short rows.
BeforeAll {
    . $PSScriptRoot/Common.ps1

    function Get-RenderedLine($InputObject, [int] $Width) {
        @(($InputObject | Out-String -Width $Width) -split '\r?\n' | ForEach-Object TrimEnd)
    }

    # A path, link target or rule id counts as intact when it stands whole on one line, between spaces/commas/line ends.
    function Test-Intact([string[]] $Line, [string] $Text) {
        $pattern = '(^|[\s,])' + [regex]::Escape($Text) + '(:|,|\s|$)'
        [bool]($Line | Where-Object { $_ -match $pattern })
    }

    # Line numbers of each entry's first line, found in output order (the entry's path starts the text after the label).
    function Get-EntryLineNumber([string[]] $Line, $Entries) {
        $at = -1
        foreach ($entry in $Entries) {
            $pattern = '^\S*\s+' + [regex]::Escape($entry.Path) + '(:|\s|$)'
            $next = $at + 1
            while ($next -lt $Line.Count -and $Line[$next] -notmatch $pattern) { $next++ }
            $next | Should -BeLessThan $Line.Count -Because "the line of $($entry.Path) must be found"
            $at = $next
            $at
        }
    }

    # An entry's first line: its label, then its path, whole, or (when the path is longer than the line) cut only after
    # a '/' and continued on the next lines.
    function Test-EntryShown([string[]] $Line, [string] $Label, [string] $Path) {
        $head = '^' + [regex]::Escape($Label) + '\s+'
        if ($Line -match ($head + [regex]::Escape($Path) + '(:|\s|$)')) { return $true }
        for ($i = 0; $i -lt $Line.Count; $i++) {
            if ($Line[$i] -notmatch ($head + '(\S+/)$')) { continue }
            $shown = $Matches[1]
            for ($j = $i + 1; $j -lt $Line.Count -and $Path.StartsWith($shown) -and $shown -ne $Path; $j++) {
                $piece = $Line[$j].Trim()
                if ($shown + $piece -ne $Path -and -not $piece.EndsWith('/')) { break }
                $shown += $piece
            }
            if ($shown -eq $Path) { return $true }
        }
        $false
    }

    function New-DemoProject([string] $Path) {
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $Path 'src/demo_views/a_rather_long_package_name/with_nested_modules')
        Set-Content -LiteralPath (Join-Path $Path 'pyproject.toml') -Value "[build-system]`nrequires = [`"hatchling`"]`nbuild-backend = `"hatchling.build`"`n[project]`nname = `"demo-views`"`nversion = `"1.0`"`ndescription = `"Views`"`nreadme = `"README.md`"`nlicense = `"MIT`"`nlicense-files = [`"LICENSE`"]`n"
        Set-Content -LiteralPath (Join-Path $Path 'README.md') -Value '# demo'
        Set-Content -LiteralPath (Join-Path $Path 'LICENSE') -Value 'MIT License'
        Set-Content -LiteralPath (Join-Path $Path 'src/demo_views/a_rather_long_package_name/with_nested_modules/and_a_long_module_name.py') -Value 'x = 1'
    }
}

Describe 'Test-PySdist default view at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
    BeforeAll {
        $entries = @(Test-PySdist $LeakySdist) + @(Test-PySdist $CleanSdist)
        $lines = Get-RenderedLine $entries $Width
    }

    It 'keeps every line within the console and every member path and link target whole on one line' {
        $lines | Where-Object Length -gt $Width | Should -BeNullOrEmpty
        foreach ($entry in $entries) {
            Test-Intact $lines $entry.Path | Should -BeTrue -Because "$($entry.Path) must not be cut"
            if ($entry.LinkTarget) { Test-Intact $lines $entry.LinkTarget | Should -BeTrue -Because "$($entry.LinkTarget) must not be cut" }
        }
    }

    It 'keeps every rule id whole, on the line under its entry' {
        $members = @($entries | Where-Object Archive -eq $LeakySdist)
        $numbers = @(Get-EntryLineNumber $lines $members)
        for ($i = 0; $i -lt $members.Count; $i++) {
            $end = if ($i + 1 -lt $members.Count) { $numbers[$i + 1] } else { $lines.Count }
            $block = $lines[$numbers[$i]..($end - 1)]
            foreach ($id in $members[$i].Findings.RuleId) {
                Test-Intact $block[1..($block.Count - 1)] $id | Should -BeTrue -Because "$id must stand whole under $($members[$i].Path)"
            }
        }
    }

    It 'uses at most three lines per entry (member line, wrapped link target, rule ids)' {
        $members = $entries | Where-Object Archive -eq $LeakySdist
        $numbers = @(Get-EntryLineNumber $lines $members)
        for ($i = 1; $i -lt $numbers.Count; $i++) {
            $numbers[$i] - $numbers[$i - 1] | Should -BeLessOrEqual 3 -Because "the row of $($members[$i - 1].Path) must stay short"
        }
    }

    It 'gives the archive verdict and the severity of each member with findings' {
        ($lines -match '^Error\s+leaky_pkg-1\.0\.0\.tar\.gz: \d+ errors?') | Should -Not -BeNullOrEmpty
        ($lines -match '^\s+demo_pkg-1\.0\.0\.tar\.gz: no findings$') | Should -Not -BeNullOrEmpty
        ($lines -match '^Error\s+leaky_pkg-1\.0\.0/venv/bin/python -> /usr/local/bin/python3$') | Should -Not -BeNullOrEmpty
    }
}

Describe 'Action views (Expand-PySdistSafely, Build-PySdist) at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
    It 'Expand-PySdistSafely: every entry starts with its action and whole path; no line is too long' {
        $entries = [System.Collections.Generic.List[object]]::new()
        try { Expand-PySdistSafely $LeakySdist -DestinationPath (Join-Path $TestDrive "x$Width") -ErrorAction SilentlyContinue | ForEach-Object { $entries.Add($_) } } catch { }
        $entries.Count | Should -BeGreaterThan 1
        $lines = Get-RenderedLine $entries $Width
        $lines | Where-Object Length -gt $Width | Should -BeNullOrEmpty
        foreach ($entry in $entries) {
            Test-EntryShown $lines $entry.Action $entry.Path | Should -BeTrue -Because "$($entry.Path) is $($entry.Action)"
        }
    }

    It 'Build-PySdist: every entry starts with its action and its path, a path too long for the line cut only after a /' {
        $project = Join-Path $TestDrive "p$Width"
        New-DemoProject $project
        $entries = @(Build-PySdist $project -OutputDirectory (Join-Path $TestDrive "d$Width") -IncludeExcluded -WarningAction SilentlyContinue)
        $lines = Get-RenderedLine $entries $Width
        $lines | Where-Object Length -gt $Width | Should -BeNullOrEmpty
        foreach ($entry in $entries) {
            Test-EntryShown $lines $entry.Action $entry.Path | Should -BeTrue -Because "$($entry.Path) is $($entry.Action)"
        }
    }
}

Describe 'Finding and rule views at 80 columns' {
    It 'wraps finding messages and remedies at spaces only' {
        $findings = Test-PySdist $LeakySdist | ForEach-Object Findings
        foreach ($finding in $findings) {
            $lines = Get-RenderedLine $finding 80
            $lines | Where-Object Length -gt 80 | Should -BeNullOrEmpty
            $lines | Should -Contain "RuleId   : $($finding.RuleId)"
            $lines | Should -Contain "Path     : $($finding.Path)"
            foreach ($label in 'Message', 'Remedy') {
                $start = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($l) $l.StartsWith("$label ") })
                $text = @($lines[$start].Substring(11))
                for ($i = $start + 1; $i -lt $lines.Count -and $lines[$i].StartsWith(' ' * 11); $i++) { $text += $lines[$i].Substring(11) }
                ($text -join ' ') | Should -Be (($finding.$label -split '\s+') -join ' ') -Because "the $label of $($finding.RuleId) must be wrapped between words"
            }
        }
    }

    It 'Get-PySdistRule starts each rule with its whole id and keeps rows short' {
        $rules = Get-PySdistRule
        $lines = Get-RenderedLine $rules 80
        $lines | Where-Object Length -gt 80 | Should -BeNullOrEmpty
        foreach ($rule in $rules) {
            ($lines -match ('^' + $rule.Id + '\s+' + $rule.Severity + '\s+' + $rule.Category + '$')) | Should -Not -BeNullOrEmpty -Because "$($rule.Id) must head its row"
        }
        $lines.Count | Should -BeLessThan ($rules.Count * 6)
    }
}
