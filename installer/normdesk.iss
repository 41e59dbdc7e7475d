; Inno Setup script: a per-user installer for the Windows bundle (no administrator rights needed).
;
; Build on a Windows PC, from the repository folder:
;   .venv\Scripts\pyinstaller --noconfirm --clean installer\normdesk.spec   -> dist\normdesk\
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" installer\normdesk.iss     -> dist\NormDesk-<version>-setup.exe
; Needs Inno Setup 6.3 or newer (x64compatible). This file is UTF-8 with a BOM: keep it so, or the
; Chinese strings below turn into mojibake.
;
; The program goes to %LOCALAPPDATA%\Programs\NormDesk. The user's data (database, backups, logs,
; ui.ini) lives in %LOCALAPPDATA%\NormDesk (platformdirs, app/config.py), a different folder that
; this installer never touches: uninstalling or upgrading keeps it.

#define AppTitle "规范性文件管理系统"
#define BundleDir AddBackslash(SourcePath) + "..\dist\normdesk"
#define MainExe "normdesk.exe"
; The application icon (installer/make_icon.py): the wizard's own exe shows it; the program's
; exes carry it from installer\normdesk.spec, and the shortcuts and Apps & features take it there.
#define IconFile AddBackslash(SourcePath) + "..\resources\icons\normdesk.ico"

#if !FileExists(BundleDir + "\" + MainExe)
  #error dist\normdesk\normdesk.exe not found: build the bundle first (.venv\Scripts\pyinstaller installer\normdesk.spec)
#endif
#if !FileExists(IconFile)
  #error resources\icons\normdesk.ico not found: run installer\make_icon.py
#endif
#if !FileExists(BundleDir + "\normdesk-cli.exe")
  #error dist\normdesk\normdesk-cli.exe not found: rebuild the bundle with installer\normdesk.spec
#endif
; "0.1.0" from the version resource the spec writes from app.__version__.
#define AppVersion GetStringFileInfo(BundleDir + "\" + MainExe, "ProductVersion")

; The Chinese wizard texts: ChineseSimplified.isl ships in the compiler's Languages folder from
; Inno Setup 6.5 on; older releases list it among the unofficial translations (copy it beside this
; script, or into the compiler's Languages folder). Without it the wizard falls back to English.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma message "ChineseSimplified.isl not found: the installer's own texts will be in English"
#endif

[Setup]
AppId={{340F4375-543F-417C-812D-3A5D9537BBDB}
AppName={#AppTitle}
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher=NormDesk
UninstallDisplayName={#AppTitle} (NormDesk)
UninstallDisplayIcon={app}\{#MainExe},0
SetupIconFile={#IconFile}
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt; {localappdata}\Programs is where Windows puts per-user programs.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\NormDesk
DefaultGroupName={#AppTitle}
DisableProgramGroupPage=yes
; PySide6 6.9 and later run on 64-bit Windows 10 and 11 only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Relative to this script: dist\NormDesk-0.1.0-setup.exe beside dist\normdesk\.
OutputDir=..\dist
OutputBaseFilename=NormDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
; Ask to close a running NormDesk before its files are replaced or removed.
CloseApplications=yes
RestartApplications=no

[Languages]
#ifdef ChineseIsl
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
#else
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[CustomMessages]
DataKept=您的数据（数据库、备份和日志）仍保留在：%n%1%n%n重新安装后可继续使用。如确实不再需要，可手动删除该文件夹。
ShortcutComment=规范性文件的登记、编号、审核、备案、清理和打印

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's own folder whole, so no file of an older build lingers
; (a stale Qt or Python library would be loaded). This is the bundle only, never the user's data.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; dist\normdesk\ as installer\normdesk.spec builds it: normdesk.exe (windowed, for the shortcuts),
; normdesk-cli.exe (console, for scripts; both in Python's UTF-8 mode) and _internal\ (Python, Qt,
; resources\, migrations\; no Qt translations but Chinese, no opengl32sw.dll).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppTitle}"; Filename: "{app}\{#MainExe}"; WorkingDir: "{userdocs}"; Comment: "{cm:ShortcutComment}"; IconFilename: "{app}\{#MainExe}"; IconIndex: 0
Name: "{group}\{cm:UninstallProgram,{#AppTitle}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\{#MainExe}"; WorkingDir: "{userdocs}"; Comment: "{cm:ShortcutComment}"; IconFilename: "{app}\{#MainExe}"; IconIndex: 0; Tasks: desktopicon

[Run]
Filename: "{app}\{#MainExe}"; Description: "{cm:LaunchProgram,{#AppTitle}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only inside the program folder. Do NOT add {localappdata}\NormDesk (or {userappdata}, or
; anything outside {app}) here: the database, its backups and the logs live there and must
; survive an uninstall.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\NormDesk')]),
      mbInformation, MB_OK);
end;
