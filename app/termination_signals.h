// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

namespace quire::app {

/**
 * @brief Turns SIGTERM, SIGINT and SIGHUP into terminationRequested() on the event loop, so `kill`,
 * Ctrl+C and logout can close the window and the database like the close button does, instead of
 * ending the process mid-write and leaving the WAL file behind.
 */
class TerminationSignals final : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

Q_SIGNALS:
    /** @brief A termination signal arrived; the composition root closes the main window. */
    void terminationRequested();

private:
    static void handle(int signal);

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace quire::app
