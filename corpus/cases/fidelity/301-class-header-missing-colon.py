# A student's first class: the header line lost its colon (python3 says which token it expected)
class Account
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

acct = Account("ana")
print(acct.owner, acct.balance)
