// SPDX-License-Identifier: MIT
#include "file_chooser.h"

#include <QTimer>

#include <utility>

namespace quire::app {
namespace {

/** @brief How long a dropped file waits for the page to ask for it. */
constexpr int kOfferLifetimeMs = 10'000;

} // namespace

void FileChooser::chooseFileToSave(const QString &suggestedName, const QString &filter, FileChosen chosen)
{
    askToSave(suggestedName, filter, std::move(chosen));
}

void FileChooser::chooseFileToOpen(const QString &start, const QString &filter, FileChosen chosen)
{
    const std::optional<QString> offered = std::exchange(m_offered, std::nullopt);
    if (offered && !m_offerExpires.hasExpired()) {
        answerLater(std::move(chosen), offered);
        return;
    }
    askToOpen(start, filter, std::move(chosen));
}

void FileChooser::offerFileToOpen(const QString &path)
{
    m_offered = path;
    m_offerExpires.setRemainingTime(kOfferLifetimeMs);
}

void FileChooser::answerLater(FileChosen chosen, const std::optional<QString> &path)
{
    QTimer::singleShot(0, [chosen = std::move(chosen), path] { chosen(path); });
}

void PlannedFileChooser::askToSave(const QString & /*suggestedName*/, const QString & /*filter*/, FileChosen chosen)
{
    answer(std::move(chosen));
}

void PlannedFileChooser::askToOpen(const QString & /*start*/, const QString & /*filter*/, FileChosen chosen)
{
    answer(std::move(chosen));
}

void PlannedFileChooser::answer(FileChosen chosen)
{
    answerLater(std::move(chosen), m_planned.isEmpty() ? std::nullopt : std::optional(m_planned.takeFirst()));
}

} // namespace quire::app
