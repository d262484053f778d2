# A small class with a repr, instance attributes and a class attribute shared by every instance
class Account:
    bank = "PyBank"
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        return self.balance
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
a = Account("kim", 100)
b = Account("lee")
print(a, b)
print(a.deposit(50), b.deposit(25))
print("shared class attribute:", a.bank is b.bank, Account.bank)
a.bank = "Other"
print("instance attribute shadows:", a.bank, b.bank, Account.bank)
try:
    b.deposit(-5)
except ValueError as e:
    print("refused:", e)
print(sorted([a, b], key=lambda acc: acc.balance))
