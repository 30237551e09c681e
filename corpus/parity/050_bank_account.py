# Real program: a tiny bank simulation with classes and custom exceptions.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__("account %s cannot withdraw %d (balance %d)" % (account.owner, amount, account.balance))
        self.amount = amount

class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.id = Account.next_id
        Account.next_id += 1
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return "Account(#%d %s: %d)" % (self.id, self.owner, self.balance)

class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = int(self.balance * self.rate)
        self.deposit(interest)
        return interest
    def __repr__(self):
        return "Savings" + super().__repr__()

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, *args):
        acc = cls(owner, *args)
        self.accounts[acc.id] = acc
        return acc
    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except InsufficientFunds as e:
            print("  transfer failed:", e)
            return False
        else:
            dst.deposit(amount)
            return True
        finally:
            print("  transfer attempt %s -> %s of %d" % (src.owner, dst.owner, amount))
    def total(self):
        return sum(a.balance for a in self.accounts.values())

bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(Account, "bob")
carol = bank.open(SavingsAccount, "carol", 1000, 0.05)
print(bank.accounts)
alice.deposit(50)
bob.deposit(20)
try:
    bob.deposit(-5)
except ValueError as e:
    print("error:", e)
print(bank.transfer(alice, bob, 70))
print(bank.transfer(bob, alice, 500))
print(bank.transfer(carol, alice, 250))
for year in range(1, 4):
    print("year", year, "interest", carol.add_interest(), carol)
print(alice, bob, carol)
print("total", bank.total())
for acc in sorted(bank.accounts.values(), key=lambda a: -a.balance):
    print(acc.owner, acc.history)
try:
    alice.withdraw(10 ** 6)
except InsufficientFunds as e:
    print("caught", type(e).__name__, e.amount)
print(isinstance(carol, Account), type(carol).__name__, Account.next_id)
ledger = []
for acc in bank.accounts.values():
    for kind, amount in acc.history:
        ledger.append((acc.owner, kind, amount))
ledger.sort(key=lambda t: (t[1], -t[2]))
for row in ledger:
    print("%-6s %-8s %6d" % row)
