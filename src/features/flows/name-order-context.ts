import { createContext, useContext } from 'react'
import { nameComparator } from './name-order'

/**
 * The order of flow names for this render: the browser's language, or on the server the language the
 * page request asked for (src/server/page), so that the rows the server sends are in the order the
 * browser keeps.
 */
export const NameOrderContext = createContext(nameComparator)

export const useNameOrder = () => useContext(NameOrderContext)
