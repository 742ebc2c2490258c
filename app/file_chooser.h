// SPDX-License-Identifier: MIT
#pragma once

#include <QDeadlineTimer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace quire::app {

/** @brief Gets the chosen path, or nullopt when the person closed the dialog. */
using FileChosen = std::function<void(const std::optional<QString> &path)>;

/**
 * @brief Where a person picks the file to import or to export to. Only the C++ side asks: the
 * page never names a path, so a script in it can read or write only what the person picked.
 */
class FileChooser
{
public:
    virtual ~FileChooser() = default;

    /** @brief Asks for a file to write; `suggestedName` in the user's documents folder to start. */
    void chooseFileToSave(const QString &suggestedName, const QString &filter, FileChosen chosen);
    /**
     * @brief Asks for a file to read, starting at `start` (a file or a folder; empty: documents),
     * unless a file was offered (offerFileToOpen()) within the last seconds: then that one.
     */
    void chooseFileToOpen(const QString &start, const QString &filter, FileChosen chosen);

    /**
     * @brief The next chooseFileToOpen(), if it comes within a few seconds, answers `path` without
     * asking: the file the person dropped on the window, which the page is then asked to import.
     */
    void offerFileToOpen(const QString &path);

protected:
    FileChooser() = default;
    FileChooser(const FileChooser &) = default;
    FileChooser &operator=(const FileChooser &) = default;

    virtual void askToSave(const QString &suggestedName, const QString &filter, FileChosen chosen) = 0;
    virtual void askToOpen(const QString &start, const QString &filter, FileChosen chosen) = 0;
    /** @brief Hands `path` to `chosen` from the event loop, as a dialog would: never within the call that asked. */
    static void answerLater(FileChosen chosen, const std::optional<QString> &path);

private:
    std::optional<QString> m_offered;
    QDeadlineTimer m_offerExpires;
};

/**
 * @brief Answers with the paths a test planned, in order; with nullopt (the dialog closed) when
 * none is left. For end-to-end tests only, which cannot click a native dialog.
 */
class PlannedFileChooser final : public FileChooser
{
public:
    void plan(const QString &path) { m_planned.append(path); }

protected:
    void askToSave(const QString &suggestedName, const QString &filter, FileChosen chosen) override;
    void askToOpen(const QString &start, const QString &filter, FileChosen chosen) override;

private:
    void answer(FileChosen chosen);
    QStringList m_planned;
};

} // namespace quire::app
