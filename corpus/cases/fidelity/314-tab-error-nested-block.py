# A nested block indented with a tab under a header indented with eight spaces: python3 gives a TabError rather than a missing block
if True:
        if True:
	print("inner")
