// SPDX-License-Identifier: MIT
#include "main_window.h"

#include "menu_items.h"

#include <QChildEvent>
#include <QCloseEvent>
#include <QDropEvent>
#include <QKeySequence>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <optional>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

const QString kGeometryKey = u"mainWindow/geometry"_s;

/** @brief The one local file a drag carries; nullopt for several files, a web link, text. */
std::optional<QString> droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return std::nullopt;
    return mime->urls().first().toLocalFile();
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
    // The view's rendering widget comes and goes with the page: watch each child as it is added.
    m_view->installEventFilter(this);
    for (QObject *child : m_view->children())
        child->installEventFilter(this);
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
        const QString text
            = item.keys.isEmpty() ? item.label : item.label + u'\t' + item.keys.toString(QKeySequence::NativeText);
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

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ChildAdded:
        if (watched == m_view)
            static_cast<QChildEvent *>(event)->child()->installEventFilter(this);
        break;
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (droppedFile(drag->mimeData())) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (const std::optional<QString> path = droppedFile(drop->mimeData())) {
            drop->acceptProposedAction();
            Q_EMIT fileDropped(*path);
            return true;
        }
        break;
    }
    default: break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(kGeometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace quire::app
