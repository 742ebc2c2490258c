// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QWebEnginePage;
class QWebEngineView;

namespace quire::app {

/**
 * @brief The one window: a web view showing the bundled UI, and a menu bar whose items run the
 * page's own actions (actionChosen); remembers its size and position.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWebEnginePage *page, QWidget *parent = nullptr);

    /** @brief The web view, whose input ExternalLinkOpener watches for user gestures. */
    [[nodiscard]] QWebEngineView *view() const { return m_view; }

Q_SIGNALS:
    /** @brief A menu item was chosen: the id of the page action it stands for ("undo", "transfer.export-ics"). */
    void actionChosen(const QString &action);
    /** @brief One local file was dropped on the window: the person wants to import it. */
    void fileDropped(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    /** @brief Takes drops of one local file from the web view's widgets (which would hand them to the page). */
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildMenus();

    QWebEngineView *m_view;
};

} // namespace quire::app
