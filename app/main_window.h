// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QWebEnginePage;
class QWebEngineView;

namespace quire::app {

/** @brief The one window: a web view showing the bundled UI; remembers its size and position. */
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWebEnginePage *page, QWidget *parent = nullptr);

    /** @brief The web view, whose input ExternalLinkOpener watches for user gestures. */
    [[nodiscard]] QWebEngineView *view() const { return m_view; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWebEngineView *m_view;
};

} // namespace quire::app
