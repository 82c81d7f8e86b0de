"""The UI language (Simplified Chinese or English) and the bundled CJK font.

``install_translator(app)`` at start-up picks the language: a saved
preference (QSettings, see :mod:`gridplanner.qt.shell.settings_store`) wins,
otherwise the system language (``zh*`` → ``zh_CN``, anything else → ``en``).
It loads ``resources/translations/gridplanner_<lang>.qm`` and Qt's own
``qtbase_<lang>.qm`` (so standard dialogs and buttons follow).

``switch_language(app, code)`` changes the language while the app runs.
Qt then sends ``QEvent.LanguageChange`` to every widget; a widget with text
retranslates itself in ``changeEvent``. The pattern every widget follows::

    class LayersDock(QDockWidget):
        def __init__(self, parent=None):
            super().__init__(parent)
            ...                       # build widgets, no texts here
            self.retranslateUi()

        def changeEvent(self, event):
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslateUi()
            super().changeEvent(event)

        def retranslateUi(self):
            self.setWindowTitle(self.tr("Layers"))
            self.visible_action.setText(self.tr("Show"))   # actions are set by their owner

Texts are English in the source, wrapped in ``self.tr()`` or
``QCoreApplication.translate(context, text)``; Chinese goes into
``resources/translations/zh_CN.json`` (see :mod:`gridplanner.tools.translations`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from gridplanner.qt.shell.settings_store import SettingsStore
from gridplanner.render.fonts import ensure_cjk_font
from gridplanner.resources import qm_file

# Language code → its name in that language (shown untranslated, as is usual).
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "en"
_QT_CATALOGUES = ("qtbase",)
_LANGUAGE_PROPERTY = "gridplanner_language"

_translators: list[QTranslator] = []


def available_languages() -> list[tuple[str, str]]:
    """``(code, native name)`` of every UI language gridplanner ships."""
    return list(LANGUAGES.items())


def normalise_language(code: str | None) -> str:
    """Map a locale name (``zh``, ``zh_CN``, ``zh-Hans-CN``, ``en_GB`` …) to a shipped language."""
    text = (code or "").replace("-", "_").lower()
    if text.startswith("zh"):
        return "zh_CN"
    return DEFAULT_LANGUAGE


def system_language() -> str:
    """The shipped language closest to the system's UI language."""
    locale = QLocale.system()
    ui = locale.uiLanguages()
    return normalise_language(ui[0] if ui else locale.name())


def preferred_language(store: SettingsStore | None = None) -> str:
    """The saved preference if there is one, else the system language."""
    saved = (store or SettingsStore()).language()
    return normalise_language(saved) if saved else system_language()


def current_language(app: QCoreApplication | None = None) -> str:
    """The language installed by :func:`install_translator` (``en`` before that)."""
    app = app or QCoreApplication.instance()
    value = app.property(_LANGUAGE_PROPERTY) if app is not None else None
    return str(value) if value else DEFAULT_LANGUAGE


def install_translator(
    app: QCoreApplication, language: str | None = None, *, store: SettingsStore | None = None
) -> str:
    """Install the translators for ``language`` (default: preference, else system).

    Returns the language code installed. Translators installed earlier by
    this module are removed first, so calling it again switches language.
    """
    code = normalise_language(language) if language else preferred_language(store)
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    for path in _catalogues(code):
        translator = QTranslator(app)
        if translator.load(str(path)) and not translator.isEmpty():
            app.installTranslator(translator)
            _translators.append(translator)
    QLocale.setDefault(QLocale(code))
    app.setProperty(_LANGUAGE_PROPERTY, code)
    return code


def switch_language(
    app: QCoreApplication, code: str, *, remember: bool = False,
    store: SettingsStore | None = None,
) -> str:
    """Change the UI language at run time; every widget gets ``LanguageChange``.

    With ``remember=True`` the choice is saved as the user's preference.
    """
    installed = install_translator(app, code)
    if remember:
        (store or SettingsStore()).set_language(installed)
    return installed


def _catalogues(code: str) -> list[Path]:
    """The .qm files to load for a language: ours, then Qt's own if present."""
    files = [qm_file(code)]
    if code != "en":
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        files += [qt_dir / f"{name}_{code}.qm" for name in _QT_CATALOGUES]
    return [f for f in files if f.is_file()]


def register_fonts() -> str | None:
    """Register every bundled font with Qt (idempotent); returns the CJK family name.

    Needs a ``QGuiApplication``. After this, ``QFont(family)`` renders Chinese
    on machines without a CJK font, and PDFs embed it (TrueType subset).
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("register_fonts() needs a QGuiApplication")
    return ensure_cjk_font()  # one registration for the whole app, shared with the renderer


class LanguageMenu(QMenu):
    """A "Language" menu: follow the system, or one of the shipped languages.

    Choosing an entry switches at once and saves the preference.
    """

    def __init__(self, parent: QWidget | None = None, store: SettingsStore | None = None):
        super().__init__(parent)
        self._store = store or SettingsStore()
        group = QActionGroup(self)
        self._system = self.addAction("")
        self._system.setCheckable(True)
        self._system.setData("")
        group.addAction(self._system)
        self.addSeparator()
        for code, name in available_languages():
            action = self.addAction(name)
            action.setCheckable(True)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._chosen)
        self.aboutToShow.connect(self._sync_checks)
        self.retranslateUi()

    def _chosen(self, action) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        code = str(action.data() or "")
        if code:
            switch_language(app, code, remember=True, store=self._store)
        else:
            self._store.set_language(None)
            install_translator(app, system_language())

    def _sync_checks(self) -> None:
        saved = self._store.language()
        for action in self.actions():
            if action.isCheckable():
                action.setChecked(str(action.data() or "") == (saved or ""))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.setTitle(self.tr("&Language"))
        self._system.setText(self.tr("Follow the system language"))
