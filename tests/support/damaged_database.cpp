// SPDX-License-Identifier: MIT
#include "damaged_database.h"

#include "connection_names.h"
#include <quire/core/database.h>
#include <quire/core/sql_task_repository.h>

#include <QByteArray>
#include <QFile>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace quire::test {

void writeDamagedDatabase(const QString &path)
{
    {
        auto db = core::Database::open(path, uniqueConnectionName());
        ASSERT_TRUE(db.has_value()) << db.error().message.toStdString();
        core::SqlTaskRepository tasks(**db);
        for (int i = 0; i < 200; ++i) {
            core::TaskDraft draft;
            draft.title = u"Task %1"_s.arg(i);
            draft.description = QString(400, u'x');
            ASSERT_TRUE(tasks.create(draft).has_value());
        }
    } // closed: the WAL is checkpointed into the file
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    constexpr qint64 kPageSize = 4096;
    QByteArray garbage(4 * kPageSize, Qt::Uninitialized);
    for (qsizetype i = 0; i < garbage.size(); ++i)
        garbage[i] = static_cast<char>((i * 7919 + 13) & 0xff);
    ASSERT_TRUE(file.seek(2 * kPageSize));
    ASSERT_EQ(file.write(garbage), garbage.size());
}

} // namespace quire::test
