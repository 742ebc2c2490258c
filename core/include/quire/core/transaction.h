// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>

#include <QString>

namespace quire::core {

class Database;

enum class TransactionKind { Read, Write };

/**
 * @brief An open transaction (or savepoint, when nested) on a Database: rolls back when destroyed
 * uncommitted. Obtain one from Database::begin(); prefer Database::transact().
 *
 * Finish every Statement made inside before commit() or destruction.
 */
class Transaction
{
public:
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&other) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    /** @brief COMMIT (or RELEASE the savepoint). On failure the transaction stays open and is rolled back by the
     * destructor. */
    [[nodiscard]] Result<> commit();
    /** @brief ROLLBACK (or roll back to the savepoint); also done by the destructor. */
    [[nodiscard]] Result<> rollback();

private:
    friend class Database;
    Transaction(Database &db, int depth);

    [[nodiscard]] QString savepointName() const;

    Database *m_db = nullptr; // null once committed, rolled back or moved from
    int m_depth = 0; // 0: the outer transaction; n > 0: savepoint n
};

} // namespace quire::core
