<#
.SYNOPSIS
  Registers hallq's parts on a Windows PC of the hall as scheduled tasks: the queue server at
  start-up (as SYSTEM, restarted on failure), and the kiosk, display or caller pad at log-on of
  the PC's user (full screen). Run in an elevated PowerShell; run again to update, -Remove to undo.

.EXAMPLE
  .\register-hallq.ps1 -Server -Hallq C:\hallq\venv\Scripts\hallq.exe -Config C:\hallq\hall.toml
  .\register-hallq.ps1 -App kiosk -User HALL\kiosk -ServerUrl http://192.168.1.10:8080 -Token T
  .\register-hallq.ps1 -App caller -Window 3 -User HALL\window3 -ServerUrl http://... -Token T
  .\register-hallq.ps1 -Remove
#>
param(
    [switch]$Server,
    [ValidateSet("kiosk", "display", "caller", "rate")][string]$App,
    [string]$Hallq = "C:\hallq\venv\Scripts\hallq.exe",
    [string]$Config = "C:\hallq\hall.toml",
    [string]$Data = "C:\ProgramData\hallq",
    [string]$Db = "",
    [string]$AdminToken = "",
    [string]$ServerUrl = "http://127.0.0.1:8080",
    [string]$Token = "",
    [string]$Window = "1",
    [string]$User = $env:USERNAME,
    [switch]$Remove
)
$ErrorActionPreference = "Stop"
$folder = "\hallq\"

if ($Remove) {
    Get-ScheduledTask -TaskPath $folder -ErrorAction SilentlyContinue |
        Unregister-ScheduledTask -Confirm:$false
    Write-Host "hallq: removed the scheduled tasks in $folder"
    return
}
if (-not (Test-Path $Hallq)) { throw "hallq not found at $Hallq (give -Hallq PATH\hallq.exe)" }
New-Item -ItemType Directory -Force -Path $Data | Out-Null

# settings every task shares: restart on failure, never stopped for running long, on battery too
$settings = New-ScheduledTaskSettingsSet -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) `
    -ExecutionTimeLimit ([TimeSpan]::Zero) -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries `
    -StartWhenAvailable -MultipleInstances IgnoreNew

if ($Server) {
    # machine-wide environment the server reads: the data folder (database, logs) and the config
    [Environment]::SetEnvironmentVariable("HALLQ_DATA", $Data, "Machine")
    [Environment]::SetEnvironmentVariable("HALLQ_CONFIG", $Config, "Machine")
    if ($AdminToken) { [Environment]::SetEnvironmentVariable("HALLQ_ADMIN_TOKEN", $AdminToken, "Machine") }
    if (-not $Db) { $Db = "sqlite:///" + (Join-Path $Data "hall.db").Replace("\", "/") }
    $action = New-ScheduledTaskAction -Execute $Hallq -WorkingDirectory $Data `
        -Argument "server --host 0.0.0.0 --port 8080 --db `"$Db`""
    $trigger = New-ScheduledTaskTrigger -AtStartup
    $principal = New-ScheduledTaskPrincipal -UserId "SYSTEM" -LogonType ServiceAccount -RunLevel Highest
    Register-ScheduledTask -TaskPath $folder -TaskName "hallq-server" -Action $action `
        -Trigger $trigger -Principal $principal -Settings $settings -Force | Out-Null
    Write-Host "hallq: the server starts at start-up; logs in $Data\logs\server.log"
    # the hall's LAN reaches the server on port 8080
    if (-not (Get-NetFirewallRule -DisplayName "hallq server" -ErrorAction SilentlyContinue)) {
        New-NetFirewallRule -DisplayName "hallq server" -Direction Inbound -Protocol TCP `
            -LocalPort 8080 -Action Allow -Profile Domain,Private | Out-Null
    }
}

if ($App) {
    $envName = @{ kiosk = "HALLQ_KIOSK_TOKEN"; display = "HALLQ_DISPLAY_TOKEN";
                  caller = "HALLQ_WINDOW_TOKEN"; rate = "HALLQ_WINDOW_TOKEN" }[$App]
    [Environment]::SetEnvironmentVariable("HALLQ_SERVER", $ServerUrl, "Machine")
    [Environment]::SetEnvironmentVariable("HALLQ_CONFIG", $Config, "Machine")
    if ($Token) { [Environment]::SetEnvironmentVariable($envName, $Token, "Machine") }
    $arguments = $App
    $name = "hallq-$App"
    if ($App -in @("caller", "rate")) { $arguments += " --window $Window"; $name += "-$Window" }
    $action = New-ScheduledTaskAction -Execute $Hallq -Argument $arguments
    $trigger = New-ScheduledTaskTrigger -AtLogOn -User $User
    $principal = New-ScheduledTaskPrincipal -UserId $User -LogonType Interactive -RunLevel Limited
    Register-ScheduledTask -TaskPath $folder -TaskName $name -Action $action -Trigger $trigger `
        -Principal $principal -Settings $settings -Force | Out-Null
    Write-Host "hallq: $name starts when $User logs on (full screen)"
}
if (-not ($Server -or $App)) { Write-Host "hallq: give -Server and/or -App kiosk|display|caller|rate (see Get-Help $PSCommandPath)" }
