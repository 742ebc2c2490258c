// SPDX-License-Identifier: MIT
#include "file_chooser.h"

#include <QTimer>

namespace quire::app {

void PlannedFileChooser::chooseFileToSave(
    const QString & /*suggestedName*/, const QString & /*filter*/, FileChosen chosen)
{
    answer(chosen);
}

void PlannedFileChooser::chooseFileToOpen(const QString & /*start*/, const QString & /*filter*/, FileChosen chosen)
{
    answer(chosen);
}

void PlannedFileChooser::answer(const FileChosen &chosen)
{
    // Later, as a dialog answers: never within the call that asked.
    const std::optional<QString> path = m_planned.isEmpty() ? std::nullopt : std::optional(m_planned.takeFirst());
    QTimer::singleShot(0, [chosen, path] { chosen(path); });
}

} // namespace quire::app
