// SPDX-License-Identifier: MIT
#pragma once

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
    virtual void chooseFileToSave(const QString &suggestedName, const QString &filter, FileChosen chosen) = 0;
    /** @brief Asks for a file to read, starting at `start` (a file or a folder; empty: documents). */
    virtual void chooseFileToOpen(const QString &start, const QString &filter, FileChosen chosen) = 0;

protected:
    FileChooser() = default;
    FileChooser(const FileChooser &) = default;
    FileChooser &operator=(const FileChooser &) = default;
};

/**
 * @brief Answers with the paths a test planned, in order; with nullopt (the dialog closed) when
 * none is left. For end-to-end tests only, which cannot click a native dialog.
 */
class PlannedFileChooser final : public FileChooser
{
public:
    void plan(const QString &path) { m_planned.append(path); }

    void chooseFileToSave(const QString &suggestedName, const QString &filter, FileChosen chosen) override;
    void chooseFileToOpen(const QString &start, const QString &filter, FileChosen chosen) override;

private:
    void answer(const FileChosen &chosen);
    QStringList m_planned;
};

} // namespace quire::app
