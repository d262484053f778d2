# A no-break space pasted between two tokens: python3 calls it a non-printable character
width = 4
area = width * width
print(area)
