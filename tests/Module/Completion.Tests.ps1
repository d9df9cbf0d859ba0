# TabExpansion2 as the console calls it: properties of piped output (from [OutputType]) and parameter values.
BeforeAll {
    . $PSScriptRoot/Common.ps1

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText)
    }
}

Describe 'Property completion after a pipe' {
    It 'Test-PySdist x | Where-Object <Tab> offers the entry properties, the verdict counts among them' {
        $names = Get-Completion 'Test-PySdist dist/x.tar.gz | Where-Object '
        foreach ($p in 'Path', 'EntryType', 'Severity', 'Findings', 'ErrorCount', 'WarningCount', 'InformationCount', 'LinkTarget') {
            $names | Should -Contain $p
        }
    }

    It 'Test-PySdist x | Select-Object <Tab> and a typed prefix complete entry properties' {
        $names = Get-Completion 'Test-PySdist dist/x.tar.gz | Select-Object '
        $names | Should -Contain 'Archive'
        $names | Should -Contain 'ErrorCount'
        Get-Completion 'Test-PySdist dist/x.tar.gz | Select-Object Err' | Should -Be @('ErrorCount')
    }

    It 'Where-Object Severity -eq <Tab> completes the severity names, and $_. completes inside a script block' {
        Get-Completion 'Test-PySdist dist/x.tar.gz | Where-Object Severity -eq ' | Should -Be @('None', 'Information', 'Warning', 'Error')
        Get-Completion 'Test-PySdist dist/x.tar.gz | ForEach-Object { $_.Fi' | Should -Be @('Findings')
        Get-Completion 'Test-PySdist dist/x.tar.gz | Where-Object { $_.EntryType -eq ' | Should -Contain "'Archive'"
    }

    It 'findings piped on complete finding properties' {
        $names = Get-Completion 'Test-PySdist dist/x.tar.gz | ForEach-Object Findings | Where-Object '
        foreach ($p in 'RuleId', 'Severity', 'Category', 'Message', 'Remedy', 'Path') { $names | Should -Contain $p }
    }

    It 'Expand-PySdistSafely, Build-PySdist and Get-PySdistRule output complete too' {
        Get-Completion 'Expand-PySdistSafely a.tar.gz out | Where-Object ' | Should -Contain 'Action'
        Get-Completion 'Build-PySdist | Group-Object ' | Should -Contain 'SourcePath'
        Get-Completion 'Get-PySdistRule | Sort-Object ' | Should -Contain 'SpecReference'
    }
}

Describe 'Parameter value completion' {
    It 'rule ids complete for -IncludeRule, -ExcludeRule and Get-PySdistRule -Id' {
        $ids = @(Get-PySdistRule | ForEach-Object Id)
        $symlink = @($ids | Where-Object { $_ -like 'Symlink*' })
        Get-Completion 'Test-PySdist x.tar.gz -IncludeRule Symlink' | Should -Be $symlink
        Get-Completion 'Test-PySdist x.tar.gz -ExcludeRule symlink' | Should -Be $symlink
        Get-Completion 'Get-PySdistRule -Id Symlink' | Should -Be $symlink
        (Get-Completion 'Get-PySdistRule -Id ').Count | Should -Be $ids.Count
    }

    It 'enumerated parameters complete their values' {
        Get-Completion 'Expand-PySdistSafely a.tar.gz out -LinkMode ' | Should -Be @('Copy', 'Skip', 'Symlink')
        Get-Completion 'Get-PySdistRule -Category ' | Should -Be @('Hygiene', 'Limits', 'Metadata', 'Safety', 'Structure')
        Get-Completion 'Get-PySdistRule -Severity ' | Should -Be @('Error', 'Information', 'Warning')
    }
}
