// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace quire::test {

/**
 * @brief A fresh folder removed with everything in it when the object goes away.
 *
 * Use as a member of a test fixture, and ASSERT_TRUE(folder.isValid()) in SetUp().
 */
class TemporaryFolder
{
public:
    TemporaryFolder();

    [[nodiscard]] bool isValid() const;
    [[nodiscard]] QString path() const;
    /** @brief path() + "/" + name; nothing is created. */
    [[nodiscard]] QString filePath(const QString &name) const;
    /** @brief Writes `bytes` to `name` and returns its path (empty on failure). */
    [[nodiscard]] QString writeFile(const QString &name, const QByteArray &bytes) const;

    /** @brief The whole content of a file, or a null QByteArray when it cannot be read. */
    [[nodiscard]] static QByteArray readFile(const QString &path);

private:
    QTemporaryDir m_dir;
};

} // namespace quire::test
