import type { Flow } from '../../src/shared/flow'

/** The baseline the benchmark compares the console's memory with: the same rows, nothing else. */
export function PlainTable({ flows }: { flows: Flow[] }) {
  return (
    <table>
      <caption>Flows</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">ID</th>
          <th scope="col">Status</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {flows.map((flow) => (
          <tr key={flow.id}>
            <th scope="row">{flow.name}</th>
            <td>{flow.id}</td>
            <td>{flow.status}</td>
            <td>
              <button type="button">Delete</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
