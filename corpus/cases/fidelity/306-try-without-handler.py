# A try block with neither except nor finally: python3 points at the first token after the block
def read(d, k):
    try:
        return d[k]
    print("missing")
