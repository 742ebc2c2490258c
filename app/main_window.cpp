// SPDX-License-Identifier: MIT
#include "main_window.h"

#include <QCloseEvent>
#include <QSettings>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

const QString kGeometryKey = u"mainWindow/geometry"_s;

} // namespace

MainWindow::MainWindow(QWebEnginePage *page, QWidget *parent)
    : QMainWindow(parent)
    , m_view(new QWebEngineView(this))
{
    m_view->setPage(page);
    // The UI has its own menus; the browser's context menu (reload, view source) has no place here.
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    setCentralWidget(m_view);
    setWindowTitle(u"Quire"_s);
    setMinimumSize(640, 420);
    if (!restoreGeometry(QSettings().value(kGeometryKey).toByteArray()))
        resize(1200, 800);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(kGeometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace quire::app
