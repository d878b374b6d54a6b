import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron';
import { EVENT_CHANNELS, type MenuCommand } from '@shared/ipc/ipc-channels';
import { buildMenuTemplate } from './app-menu';
import { APP_SCHEME, createAppUrlPolicy, resolveDevServerOrigin, type AppUrlPolicy } from './app-origin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { BUILT_PAGE_CONTENT_SECURITY_POLICY } from './content-security-policy';
import { createInvokeOperations, createIpcHandlers, registerIpcHandlers } from './ipc-handlers';
import { createPresenterWindows, type PresenterWindowRequest } from './presenter-windows';
import { guardSession, guardWebContents, secureWebPreferences } from './security-policies';
import { askBeforeClosingWithUnsentChanges } from './unsent-changes-dialog';

// The only module that imports Electron: everything it wires is plain code tested in Node.

const outFolder = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const PRELOAD_PATH = path.join(outFolder, 'preload', 'index.cjs');
const RENDERER_ROOT = path.join(outFolder, 'renderer');
const ICON_PATH = path.join(outFolder, '..', 'resources', 'icon.png');

app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

function openInSystemBrowser(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.error('Opening a link in the browser failed:', error));
}

function createMainWindow(policy: AppUrlPolicy): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Bocage',
    icon: ICON_PATH,
    backgroundColor: '#f7f5ef',
    webPreferences: secureWebPreferences(PRELOAD_PATH, app.isPackaged),
  });
  window.once('ready-to-show', () => window.show());
  askBeforeClosingWithUnsentChanges(window.webContents, (options) => dialog.showMessageBoxSync(window, options));
  window.loadURL(policy.entryUrl).catch((error: unknown) => {
    dialog.showErrorBox('Bocage n’a pas pu afficher sa fenêtre', error instanceof Error ? error.message : String(error));
  });
  return window;
}

/**
 * The projector's window: the same page, preload and security settings as the main window (the
 * navigation guards and the CSP apply to every WebContents), showing a board's projection route.
 */
function createPresenterWindow({ url, bounds, fullScreen }: PresenterWindowRequest): BrowserWindow {
  const window = new BrowserWindow({
    ...(bounds ?? { width: 1280, height: 800 }),
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'Bocage — projection',
    icon: ICON_PATH,
    backgroundColor: '#f7f5ef',
    // A menu bar on the projected image is noise for the room; Alt still shows it.
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(PRELOAD_PATH, app.isPackaged),
  });
  window.once('ready-to-show', () => {
    window.show();
    // Once shown, so the window is already on the projector: full screen asked at creation may
    // take the display of the window that had the focus.
    if (fullScreen) window.setFullScreen(true);
  });
  window.loadURL(url).catch((error: unknown) => {
    dialog.showErrorBox('Bocage n’a pas pu afficher la projection', error instanceof Error ? error.message : String(error));
  });
  return window;
}

function start(): void {
  const devServerOrigin = resolveDevServerOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  const policy = createAppUrlPolicy(devServerOrigin);
  let mainWindow: BrowserWindow | null = null;
  const liveMainWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
  // Used only once the app is ready: Electron's screen module cannot be read before.
  const presenterWindows = createPresenterWindows({
    entryUrl: policy.entryUrl,
    getAllDisplays: () => screen.getAllDisplays(),
    getPrimaryDisplay: () => screen.getPrimaryDisplay(),
    getFacilitatorDisplay: () => {
      const window = liveMainWindow();
      return window ? screen.getDisplayMatching(window.getBounds()) : screen.getPrimaryDisplay();
    },
    createWindow: createPresenterWindow,
  });

  const showMainWindow = () => {
    const window = liveMainWindow();
    if (!window) {
      mainWindow = createMainWindow(policy);
      mainWindow.on('closed', () => presenterWindows.closeAll());
      return;
    }
    if (window.isMinimized()) window.restore();
    window.focus();
  };

  const sendMenuCommand = (command: MenuCommand) => {
    const contents = liveMainWindow()?.webContents;
    if (contents && policy.isAppUrl(contents.getURL())) contents.send(EVENT_CHANNELS.menuCommand, command);
  };

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy, openInSystemBrowser));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      guardSession(session.defaultSession, policy, devServerOrigin);
      if (!devServerOrigin) {
        protocol.handle(
          APP_SCHEME,
          createAppProtocolHandler({ rendererRoot: RENDERER_ROOT, fetchFile: (fileUrl) => net.fetch(fileUrl), contentSecurityPolicy: BUILT_PAGE_CONTENT_SECURITY_POLICY }),
        );
      }
      app.setAboutPanelOptions({ applicationName: 'Bocage', applicationVersion: app.getVersion(), iconPath: ICON_PATH });
      const operations = createInvokeOperations({
        showSaveDialog: (options) => {
          const window = liveMainWindow();
          return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
        },
        documentsFolder: app.getPath('documents'),
        fileSystem: { writeFile, rename, rm },
        appInfo: { version: app.getVersion(), platform: process.platform },
        // Deleting the storage folders, not the records: LevelDB keeps deleted records in its files.
        clearStorageData: () =>
          session.defaultSession.clearStorageData({ storages: ['indexdb', 'localstorage', 'cachestorage', 'serviceworkers', 'filesystem'] }),
        openPresenterWindow: (route) => presenterWindows.open(route),
      });
      registerIpcHandlers(ipcMain, createIpcHandlers(operations, policy.isAppUrl));
      Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(sendMenuCommand, { isPackaged: app.isPackaged, platform: process.platform })));
      showMainWindow();
      // Registered once ready: a window cannot be created before, even for a second launch.
      app.on('second-instance', showMainWindow);
      app.on('activate', showMainWindow);
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Bocage n’a pas pu démarrer', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

// A second launch only wakes the running instance, whose 'second-instance' handler shows the window.
if (app.requestSingleInstanceLock()) start();
else app.quit();
