// SPDX-License-Identifier: MIT
#include "main_window.h"

#include <QCloseEvent>
#include <QMenuBar>
#include <QSettings>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

const QString kGeometryKey = u"mainWindow/geometry"_s;

/**
 * @brief One item of the menu bar: the page action it runs, and the key the page answers to. The
 * key is only shown: bound here, Ctrl+Z would be taken from the page's text fields, which undo
 * their own typing.
 */
struct MenuItem {
    QString menu; ///< empty: a separator in the previous item's menu
    QString label;
    QString action;
    QString keys;
};

const QList<MenuItem> &menuItems()
{
    static const QList<MenuItem> items {
        {u"&File"_s, u"&New task"_s, u"new-task"_s, u"N"_s},
        {u"&File"_s, u"&Quick add"_s, u"quick-add"_s, u"Q"_s},
        {},
        {u"&File"_s, u"&Import tasks from a file…"_s, u"transfer.import-file"_s, {}},
        {u"&File"_s, u"Import from &BlueKit…"_s, u"transfer.import-bluekit"_s, {}},
        {u"&File"_s, u"Export as Quire &JSON…"_s, u"transfer.export-json"_s, {}},
        {u"&File"_s, u"Export as &CSV…"_s, u"transfer.export-csv"_s, {}},
        {u"&File"_s, u"Export as i&Calendar…"_s, u"transfer.export-ics"_s, {}},
        {u"&Edit"_s, u"&Undo"_s, u"undo"_s, u"Ctrl+Z"_s},
        {u"&Edit"_s, u"&Redo"_s, u"redo"_s, u"Ctrl+Shift+Z"_s},
        {},
        {u"&Edit"_s, u"&Search all tasks"_s, u"search-tasks"_s, u"Ctrl+F"_s},
        {u"&Help"_s, u"&Keyboard shortcuts"_s, u"keyboard-shortcuts"_s, u"?"_s},
    };
    return items;
}

} // namespace

MainWindow::MainWindow(QWebEnginePage *page, QWidget *parent)
    : QMainWindow(parent)
    , m_view(new QWebEngineView(this))
{
    m_view->setPage(page);
    // The UI has its own menus; the browser's context menu (reload, view source) has no place here.
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    setCentralWidget(m_view);
    buildMenus();
    setWindowTitle(u"Quire"_s);
    setMinimumSize(640, 420);
    if (!restoreGeometry(QSettings().value(kGeometryKey).toByteArray()))
        resize(1200, 800);
}

void MainWindow::buildMenus()
{
    QMenu *menu = nullptr;
    for (const MenuItem &item : menuItems()) {
        if (item.menu.isEmpty()) {
            if (menu)
                menu->addSeparator();
            continue;
        }
        if (!menu || menu->title() != item.menu)
            menu = menuBar()->addMenu(item.menu);
        // "\t" puts the key at the menu's right edge without binding it.
        const QString text = item.keys.isEmpty() ? item.label : item.label + u'\t' + item.keys;
        connect(menu->addAction(text), &QAction::triggered, this,
            [this, action = item.action] { Q_EMIT actionChosen(action); });
    }
    if (QMenu *file = menuBar()->actions().isEmpty() ? nullptr : menuBar()->actions().first()->menu()) {
        file->addSeparator();
        QAction *quit = file->addAction(u"&Quit"_s);
        quit->setShortcut(QKeySequence::Quit);
        connect(quit, &QAction::triggered, this, &QWidget::close);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(kGeometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace quire::app
